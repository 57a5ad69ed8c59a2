import {
  type CompoundEntityRef,
  DEFAULT_NAMESPACE,
  type Entity,
  parseEntityRef,
} from '@atrium/catalog-model';

/** The path of the catalog index page. */
export const catalogIndexPath = '/catalog';

/** The path of the register page. */
export const catalogImportPath = '/catalog-import';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * The entity page path in Backstage's shape, `/catalog/:namespace/:kind/:name`, so links
 * written for Backstage keep working. Kind and namespace are lowercased as Backstage does.
 *
 * @example
 * entityRoute({ kind: 'Component', namespace: 'default', name: 'petstore' }); // '/catalog/default/component/petstore'
 */
export function entityRoute(ref: CompoundEntityRef | Entity | string): string {
  const compound = toCompoundRef(ref);
  const parts = [lower(compound.namespace || DEFAULT_NAMESPACE), lower(compound.kind), compound.name];
  return `${catalogIndexPath}/${parts.map(encodeURIComponent).join('/')}`;
}

/**
 * The kind, namespace and name of a ref string, entity or compound ref.
 *
 * @example
 * toCompoundRef('group:ops/team-a'); // { kind: 'group', namespace: 'ops', name: 'team-a' }
 */
export function toCompoundRef(
  ref: CompoundEntityRef | Entity | string,
  context: { defaultKind?: string; defaultNamespace?: string } = {},
): CompoundEntityRef {
  if (typeof ref === 'string') return parseEntityRef(ref, context);
  if ('metadata' in ref) {
    return {
      kind: ref.kind,
      namespace: ref.metadata.namespace || DEFAULT_NAMESPACE,
      name: ref.metadata.name,
    };
  }
  return ref;
}

/**
 * A short, readable ref: the default namespace and an expected kind are left out.
 *
 * @example
 * humanizeEntityRef('group:default/team-a', { defaultKind: 'group' }); // 'team-a'
 * humanizeEntityRef('component:ops/api'); // 'component:ops/api'
 */
export function humanizeEntityRef(
  ref: CompoundEntityRef | Entity | string,
  options: { defaultKind?: string } = {},
): string {
  const { kind, namespace, name } = toCompoundRef(ref);
  const showKind = !options.defaultKind || lower(options.defaultKind) !== lower(kind);
  const showNamespace = lower(namespace) !== DEFAULT_NAMESPACE;
  return `${showKind ? `${lower(kind)}:` : ''}${showNamespace ? `${namespace}/` : ''}${name}`;
}

/**
 * What to call an entity on screen: its title, a person's or team's display name, or its name.
 *
 * @example
 * entityDisplayName(entity); // 'Petstore API'
 */
export function entityDisplayName(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  const candidates = [entity.metadata.title, profile?.displayName, entity.metadata.name];
  return candidates.find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? '';
}
