import { InputError } from '@atrium/errors';
import type { Entity } from './entity.js';

/** The namespace of entities and refs that do not name one. */
export const DEFAULT_NAMESPACE = 'default';

/** The three parts that identify an entity; compare them case-insensitively. */
export type CompoundEntityRef = {
  kind: string;
  namespace: string;
  name: string;
};

/** An entity ref in object form, before defaults are applied. */
export type PartialEntityRef = { kind?: string; namespace?: string; name: string };

/** Defaults applied while parsing a ref (e.g. `Group` and the referring entity's namespace). */
export type ParseEntityRefContext = {
  /** Kind used when the ref names none; without it a kindless ref is an error. */
  defaultKind?: string;
  /** Namespace used when the ref names none; `default` unless given. */
  defaultNamespace?: string;
};

/** The parts of a string ref as written; absent parts are `undefined`. */
export type EntityRefParts = { kind: string | undefined; namespace: string | undefined; name: string };

const REF_GRAMMAR = '[<kind>:][<namespace>/]<name>, e.g. "component:default/my-service"';

/**
 * Splits a string ref by the Backstage grammar, or returns `undefined` when a part that is
 * present is empty. The first ':' ends the kind unless a '/' comes before it; the first
 * '/' ends the namespace; the rest (which may contain ':' and '/') is the name.
 */
export function splitEntityRef(ref: string): EntityRefParts | undefined {
  const slash = ref.indexOf('/');
  let colon = ref.indexOf(':');
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === '' || namespace === '' || name === '') return undefined;
  return { kind, namespace, name };
}

/**
 * Parses a string ref (`[kind:][namespace/]name`) or a partial compound ref, filling in
 * defaults. Throws `InputError` for an empty part or a missing kind with no default kind.
 *
 * @example
 * parseEntityRef('team-a', { defaultKind: 'Group', defaultNamespace: 'ops' });
 * // => { kind: 'Group', namespace: 'ops', name: 'team-a' }
 */
export function parseEntityRef(
  ref: string | PartialEntityRef,
  context: ParseEntityRefContext = {},
): CompoundEntityRef {
  if (!ref) throw new InputError('entity ref must not be empty');
  const defaultNamespace = context.defaultNamespace || DEFAULT_NAMESPACE;
  let parts: { kind?: string | undefined; namespace?: string | undefined; name: string };
  if (typeof ref === 'string') {
    const split = splitEntityRef(ref);
    if (!split) {
      throw new InputError(`entity ref "${ref}" is not valid; expected ${REF_GRAMMAR}`, { details: { ref } });
    }
    parts = split;
  } else {
    parts = ref;
  }
  const kind = parts.kind ?? context.defaultKind;
  const namespace = parts.namespace ?? defaultNamespace;
  const name = parts.name;
  const shown = typeof ref === 'string' ? `"${ref}"` : JSON.stringify(ref);
  if (!kind) {
    const example = typeof ref === 'string' ? `"component:${ref}"` : 'kind: "component"';
    throw new InputError(
      `entity ref ${shown} has no kind and no default kind applies; add one, e.g. ${example}`,
      {
        details: { ref },
      },
    );
  }
  if (!namespace) throw new InputError(`entity ref ${shown} has an empty namespace`, { details: { ref } });
  if (!name) throw new InputError(`entity ref ${shown} has an empty name`, { details: { ref } });
  return { kind, namespace, name };
}

/**
 * The canonical string form of a ref or entity: `kind:namespace/name`, fully lowercased,
 * with the default namespace filled in. Use it as a key, not for display.
 *
 * @example
 * stringifyEntityRef({ kind: 'Component', name: 'My-Service' }); // 'component:default/my-service'
 */
export function stringifyEntityRef(ref: Entity | { kind: string; namespace?: string; name: string }): string {
  const compound = 'metadata' in ref ? getCompoundEntityRef(ref) : ref;
  const namespace = compound.namespace || DEFAULT_NAMESPACE;
  return `${lower(compound.kind)}:${lower(namespace)}/${lower(compound.name)}`;
}

/** The kind, namespace (defaulted) and name of an entity, casing kept as stored. */
export function getCompoundEntityRef(entity: Entity): CompoundEntityRef {
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace || DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  };
}

/** Anything that identifies an entity: a full string ref, a compound ref or the entity itself. */
export type EntityRefLike = string | { kind: string; namespace?: string; name: string } | Entity;

/**
 * True when both point at the same entity, comparing all parts case-insensitively.
 * A string that does not parse as a full ref (kind included) never equals anything.
 */
export function entityRefEquals(a: EntityRefLike, b: EntityRefLike): boolean {
  const left = canonical(a);
  return left !== undefined && left === canonical(b);
}

function canonical(ref: EntityRefLike): string | undefined {
  if (typeof ref !== 'string') return stringifyEntityRef(ref);
  const parts = splitEntityRef(ref);
  if (!parts?.kind) return undefined;
  return stringifyEntityRef({ kind: parts.kind, namespace: parts.namespace, name: parts.name });
}

function lower(value: string): string {
  return value.toLocaleLowerCase('en-US');
}
