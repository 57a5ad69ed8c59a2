import { Link } from '@atrium/ui';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** Kind, namespace and name of `kind:namespace/name` (namespace defaults to `default`). */
export function splitEntityRef(ref: string): { kind: string; namespace: string; name: string } {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : 'component';
  const rest = colon > 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return slash > 0
    ? { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) }
    : { kind, namespace: 'default', name: rest };
}

/**
 * The catalog's entity page path (`/catalog/:namespace/:kind/:name`) plus an optional tab.
 *
 * @example
 * entityPagePath('component:default/web', '/scorecards'); // '/catalog/default/component/web/scorecards'
 */
export function entityPagePath(ref: string, tab = ''): string {
  const { kind, namespace, name } = splitEntityRef(ref);
  return `/catalog/${[lower(namespace), lower(kind), name].map(encodeURIComponent).join('/')}${tab}`;
}

/** The scorecards team page of a group. */
export function teamPagePath(namespace: string, name: string): string {
  return `/scorecards/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** Props of {@link EntityLink}. */
export interface EntityLinkProps {
  entityRef: string;
  /** Link text; the ref without the default namespace otherwise. */
  title?: string;
  /** Tab path of the entity page, e.g. `/scorecards`. */
  tab?: string;
}

/**
 * A link to an entity's page (or one of its tabs), the ref on hover.
 *
 * @example
 * <EntityLink entityRef="component:default/web" tab="/scorecards" />
 */
export function EntityLink({ entityRef, title, tab }: EntityLinkProps) {
  const text = title ?? entityRef.replace(/:default\//, ':');
  return (
    <Link to={entityPagePath(entityRef, tab)} title={entityRef}>
      {text}
    </Link>
  );
}
