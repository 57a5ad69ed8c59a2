import { InputError } from '@atrium/errors';
import type { Credentials, Permission, PermissionsService, PolicyDecision } from '@atrium/kernel';
import type { AuthorizeRequest, AuthorizeResult } from '../common/index.js';

type Item = AuthorizeRequest['items'][number];

/** What the authorizer needs: the backend's permissions service and the declared permissions by name. */
export interface AuthorizerDeps {
  permissions: PermissionsService;
  declared: () => ReadonlyMap<string, Permission>;
}

const describe = (p: Pick<Permission, 'type' | 'resourceType'>) =>
  p.type === 'resource' ? `a resource permission of '${p.resourceType}'` : 'a basic permission';

// The policy decides on the declared permission, never on what the caller says it is:
// a caller that sends other attributes for a known name is told so, not believed.
function declaredPermission(
  item: Item,
  index: number,
  declared: ReadonlyMap<string, Permission>,
): Permission {
  const where = `items[${index}] (id '${item.id}')`;
  const permission = declared.get(item.permission.name);
  if (!permission)
    throw new InputError(
      `${where}: permission '${item.permission.name}' is not declared by any installed plugin`,
    );
  const sent = item.permission;
  if (sent.type !== permission.type || (sent.resourceType ?? undefined) !== permission.resourceType)
    throw new InputError(
      `${where}: permission '${permission.name}' is ${describe(permission)}, but the request says it is ${describe(sent)}`,
    );
  if (item.resourceRef !== undefined && permission.type !== 'resource')
    throw new InputError(
      `${where}: resourceRef is only for resource permissions; '${permission.name}' is basic`,
    );
  return permission;
}

function checkIds(items: Item[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new InputError(`items: id '${item.id}' is used by more than one item`);
    seen.add(item.id);
  }
}

function toResult(id: string, decision: PolicyDecision): AuthorizeResult {
  if (decision.result !== 'CONDITIONAL') return { id, result: decision.result };
  const { pluginId, resourceType, conditions } = decision;
  return { id, result: 'CONDITIONAL', pluginId, resourceType, conditions };
}

/**
 * Decides a batch of Backstage authorize items for the caller through the kernel's
 * permission service (the backend's one policy): a resource permission without a
 * resourceRef may come back CONDITIONAL; everything else is ALLOW or DENY, a conditional
 * decision on a resourceRef resolved against that resource by its owning plugin's rules.
 * Throws an `InputError` naming the item for an undeclared or misdescribed permission.
 *
 * @example
 * const results = await authorizeItems(deps, body.items, credentials);
 */
export async function authorizeItems(
  deps: AuthorizerDeps,
  items: Item[],
  credentials: Credentials,
): Promise<AuthorizeResult[]> {
  checkIds(items);
  const declared = deps.declared();
  const resolved = items.map((item, index) => ({
    item,
    permission: declaredPermission(item, index, declared),
  }));
  const conditional = resolved.filter(
    (r) => r.permission.type === 'resource' && r.item.resourceRef === undefined,
  );
  const definitive = resolved.filter((r) => !conditional.includes(r));
  const [open, closed] = await Promise.all([
    deps.permissions.authorizeConditional(
      conditional.map((r) => ({ permission: r.permission })),
      { credentials },
    ),
    deps.permissions.authorize(
      definitive.map((r) => ({ permission: r.permission, resourceRef: r.item.resourceRef })),
      { credentials },
    ),
  ]);
  const byId = new Map<string, AuthorizeResult>();
  for (const [i, r] of conditional.entries())
    byId.set(r.item.id, toResult(r.item.id, open[i] as PolicyDecision));
  for (const [i, r] of definitive.entries())
    byId.set(r.item.id, toResult(r.item.id, closed[i] as PolicyDecision));
  return items.map((item) => byId.get(item.id) as AuthorizeResult);
}
