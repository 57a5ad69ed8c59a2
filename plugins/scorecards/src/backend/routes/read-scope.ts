import { catalogPermissions, createCatalogClient } from '@atrium/catalog/common';
import { stringifyEntityRef } from '@atrium/catalog-model';
import { type Credentials, type PermissionsService, pluginClientOptions } from '@atrium/kernel';
import type { Readable } from '../store/tables.js';
import type { RouteDeps } from './route-context.js';

/**
 * Which entities a caller may read (`catalog.entity.read`): all of them (an unconditional
 * allow, so aggregates may use the precomputed rows), or exactly these refs (a conditional
 * allow, or none on a deny), so aggregates count only readable entities.
 */
export type ReadScope = { all: true } | { all: false; refs: ReadonlySet<string> };

/** True when the scope lets the caller read `entityRef`. */
export const inReadScope = (scope: ReadScope, entityRef: string): boolean =>
  scope.all || scope.refs.has(entityRef);

/** The scope as a store's row filter: none for a caller who may read everything (the fast path). */
export const readableOf = (scope: ReadScope): Readable | undefined =>
  scope.all ? undefined : (entityRef) => scope.refs.has(entityRef);

/** Keeps the items about entities in the scope. */
export function keepReadable<T extends { entityRef: string }>(scope: ReadScope, items: T[]): T[] {
  return scope.all ? items : items.filter((item) => scope.refs.has(item.entityRef));
}

const PAGE = 1000;

/** The caller's `catalog.entity.read` decision: ALLOW, DENY or CONDITIONAL. */
async function entityReadDecision(permissions: PermissionsService, credentials: Credentials) {
  const [decision] = await permissions.authorizeConditional([{ permission: catalogPermissions.entityRead }], {
    credentials,
  });
  return decision?.result;
}

/** True when the caller may read every catalog entity (an unconditional allow of `catalog.entity.read`). */
export async function readsEveryEntity(permissions: PermissionsService, credentials: Credentials) {
  return (await entityReadDecision(permissions, credentials)) === 'ALLOW';
}

/**
 * The caller's read scope. A conditional decision is resolved by the catalog itself: it
 * turns the conditions into its own query filters, so the refs listed here are exactly
 * what the caller could list in the catalog (one cursor walk, only three fields).
 */
export async function readScope(
  deps: Pick<RouteDeps, 'auth' | 'discovery'> & { permissions: PermissionsService },
  credentials: Credentials,
): Promise<ReadScope> {
  const decision = await entityReadDecision(deps.permissions, credentials);
  if (decision === 'ALLOW') return { all: true };
  if (decision !== 'CONDITIONAL') return { all: false, refs: new Set() };
  const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog', credentials));
  const refs = new Set<string>();
  const fields = ['kind', 'metadata.namespace', 'metadata.name'];
  let page = await catalog.getEntitiesByQuery({ query: { limit: PAGE, fields } });
  for (;;) {
    for (const entity of page.items) refs.add(stringifyEntityRef(entity).toLowerCase());
    const cursor = page.pageInfo.nextCursor;
    if (!cursor || page.items.length === 0) break;
    page = await catalog.getEntitiesByQuery({ query: { cursor, limit: PAGE, fields } });
  }
  return { all: false, refs };
}

/**
 * Leaves out owner refs the caller may not read (`ownerEntityRef` of definitions): an
 * unconditional reader sees them all, a conditional one those the catalog shows it, a
 * denied one none.
 */
export async function withReadableOwners<T extends { ownerEntityRef?: string }>(
  permissions: PermissionsService,
  visible: (credentials: Credentials, refs: string[]) => Promise<Set<string>>,
  credentials: Credentials,
  items: T[],
): Promise<T[]> {
  const owners = items.flatMap((item) => (item.ownerEntityRef ? [item.ownerEntityRef.toLowerCase()] : []));
  if (owners.length === 0) return items;
  const decision = await entityReadDecision(permissions, credentials);
  if (decision === 'ALLOW') return items;
  const shown = decision === 'CONDITIONAL' ? await visible(credentials, owners) : new Set<string>();
  return items.map((item) => {
    if (!item.ownerEntityRef || shown.has(item.ownerEntityRef.toLowerCase())) return item;
    const { ownerEntityRef: _hidden, ...rest } = item;
    return rest as T;
  });
}
