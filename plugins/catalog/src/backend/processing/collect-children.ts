import { createHash } from 'node:crypto';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  type Entity,
  type KindRegistry,
  stringifyEntityRef,
  validateEntityEnvelope,
  validateEntityFields,
} from '@atrium/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@atrium/errors';
import type { CatalogProcessorResult, LocationSpec } from '../extensions/catalog-processor.js';
import type { CatalogRules } from './catalog-rules.js';
import { contentHash } from './content-hash.js';
import type { ChildEntity, RelationRow } from './processing-types.js';

/** What the parent knows while turning emitted results into children. */
export interface ChildContext {
  parentRef: string;
  /** The parent's own location ref (`<type>:<target>`), for Location entities built from emitted locations. */
  parentLocationRef: string | undefined;
  originRef: string | undefined;
  origin: LocationSpec | undefined;
  rules: CatalogRules;
  kinds: KindRegistry;
}

/** Children, errors, relations and refresh keys emitted while reading one file or location. */
export interface CollectedChildren {
  children: ChildEntity[];
  errors: Error[];
  relations: RelationRow[];
  refreshKeys: string[];
}

/** The name Backstage gives the Location entity of a registered or emitted location. */
export function generatedLocationName(location: { type: string; target: string }): string {
  return `generated-${createHash('sha1').update(`${location.type}:${location.target}`).digest('hex')}`;
}

/** The Location entity that stands for a location spec, annotated with where it came from. */
export function locationToEntity(location: LocationSpec, own: string, origin: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: {
      name: generatedLocationName(location),
      namespace: 'default',
      annotations: { [ANNOTATION_MANAGED_BY_LOCATION]: own, [ANNOTATION_MANAGED_BY_ORIGIN_LOCATION]: origin },
    },
    spec: {
      type: location.type,
      target: location.target,
      ...(location.presence ? { presence: location.presence } : {}),
    },
  };
}

function problemsOf(entity: Entity, json: string, kinds: KindRegistry): string[] {
  const envelope = validateEntityEnvelope(entity);
  if (envelope.length > 0) return envelope.map((problem) => problem.message);
  const problems = validateEntityFields(entity).map((problem) => problem.message);
  // Placeholders ($text, ...) are resolved when the child itself is processed; its spec
  // cannot be checked against the kind schema before that.
  const hasPlaceholders = /"\$(text|json|yaml)"/.test(json);
  if (problems.length === 0 && !hasPlaceholders && kinds.hasKind(entity.kind)) {
    problems.push(...kinds.validateKind(entity).map((problem) => problem.message));
  }
  return problems;
}

/**
 * The canonical ref of an emitted entity, or undefined when its kind or name is unusable,
 * including when it holds a NUL character: a ref is stored as is, and PostgreSQL text
 * cannot hold one.
 */
export function entityRefOf(entity: Entity): string | undefined {
  if (typeof entity !== 'object' || entity === null) return undefined;
  const metadata = entity.metadata as Entity['metadata'] | undefined;
  if (typeof entity.kind !== 'string' || !entity.kind || typeof metadata?.name !== 'string' || !metadata.name)
    return undefined;
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default';
  const ref = stringifyEntityRef({ kind: entity.kind, namespace, name: metadata.name });
  return ref.includes('\u0000') ? undefined : ref;
}

function toChild(
  emitted: Extract<CatalogProcessorResult, { type: 'entity' }>,
  context: ChildContext,
  out: CollectedChildren,
): void {
  const where = `${emitted.location.type}:${emitted.location.target}`;
  const raw = emitted.entity;
  const ref = typeof raw === 'object' && raw !== null ? entityRefOf(raw) : undefined;
  if (!ref) {
    out.errors.push(
      new InputError(`an entity in ${where} has no valid kind and metadata.name; it was skipped`),
    );
    return;
  }
  if (ref === context.parentRef) {
    out.errors.push(
      new ConflictError(`${ref} in ${where} includes itself (a location cycle); the entry was skipped`),
    );
    return;
  }
  const annotations = raw.metadata.annotations;
  const entity: Entity = {
    ...raw,
    metadata: {
      ...raw.metadata,
      // Where an entity came from is a fact, not something its file may claim: placeholders
      // and the scaffolder's fetch:* resolve against it (Backstage sets them last too).
      annotations: {
        ...(typeof annotations === 'object' && annotations !== null ? annotations : {}),
        [ANNOTATION_MANAGED_BY_LOCATION]: where,
        [ANNOTATION_MANAGED_BY_ORIGIN_LOCATION]: context.originRef ?? where,
      },
    },
  };
  if (!context.rules.isAllowed(entity, context.origin)) {
    const origin = context.originRef ?? where;
    out.errors.push(
      new NotAllowedError(
        `entity ${ref} at ${where}, originated at ${origin}, is not of an allowed kind for that location; allow kind '${raw.kind}' in catalog.rules`,
      ),
    );
    return;
  }
  const json = JSON.stringify(entity);
  const problems = problemsOf(entity, json, context.kinds);
  if (problems.length > 0)
    out.errors.push(new InputError(`entity ${ref} in ${where} is invalid: ${problems.join('; ')}`));
  const locationKey = emitted.locationKey === undefined ? where : emitted.locationKey;
  out.children.push({ ref, json, hash: contentHash(json), locationKey });
}

/**
 * Turns what a location reader emitted into children of the parent: each entity gets its
 * location annotations (under its own values), must be allowed by `catalog.rules` for
 * the origin location, and is checked so that a broken entity is reported on the parent
 * (naming the file, the field and the rule). Emitted locations become Location entities.
 *
 * @example
 * const { children, errors } = collectChildren(results, context);
 */
export function collectChildren(
  results: readonly CatalogProcessorResult[],
  context: ChildContext,
): CollectedChildren {
  const out: CollectedChildren = { children: [], errors: [], relations: [], refreshKeys: [] };
  for (const result of results) {
    if (result.type === 'entity') toChild(result, context, out);
    else if (result.type === 'error') out.errors.push(result.error);
    else if (result.type === 'refresh') out.refreshKeys.push(result.key);
    else if (result.type === 'relation') {
      const { source, type, target } = result.relation;
      out.relations.push({ source: stringifyEntityRef(source), type, target: stringifyEntityRef(target) });
    } else {
      const own = context.parentLocationRef ?? `${result.location.type}:${result.location.target}`;
      const entity = locationToEntity(result.location, own, context.originRef ?? own);
      toChild({ type: 'entity', entity, location: result.location, locationKey: null }, context, out);
    }
  }
  return out;
}
