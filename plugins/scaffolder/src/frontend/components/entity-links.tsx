import { DEFAULT_NAMESPACE, parseEntityRef } from '@atrium/catalog-model';
import { Link } from '@atrium/ui';

/**
 * The catalog's entity page for a ref, `/catalog/:namespace/:kind/:name` (the catalog
 * plugin's route; kind and namespace lowercased as there); `undefined` for a bad ref.
 *
 * @example
 * entityPagePath('component:default/petstore'); // '/catalog/default/component/petstore'
 */
export function entityPagePath(ref: string): string | undefined {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const parts = [namespace.toLowerCase(), kind.toLowerCase(), name];
    return `/catalog/${parts.map(encodeURIComponent).join('/')}`;
  } catch {
    return undefined;
  }
}

/**
 * A ref without the parts a reader can assume: the default namespace and the expected kind.
 *
 * @example
 * humanizeRef('group:default/team-a', 'group'); // 'team-a'
 */
export function humanizeRef(ref: string, defaultKind?: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref, { defaultKind });
    const showKind = !defaultKind || defaultKind.toLowerCase() !== kind.toLowerCase();
    const showNamespace = namespace.toLowerCase() !== DEFAULT_NAMESPACE;
    return `${showKind ? `${kind.toLowerCase()}:` : ''}${showNamespace ? `${namespace}/` : ''}${name}`;
  } catch {
    return ref;
  }
}

/** Props of {@link EntityRefLink}. */
export interface EntityRefLinkProps {
  entityRef: string;
  defaultKind?: string;
  children?: string;
}

/**
 * A link to an entity's catalog page, or the plain text when the ref cannot be parsed.
 * Shown text other than the ref (a title) keeps the ref on hover.
 */
export function EntityRefLink({ entityRef, defaultKind, children }: EntityRefLinkProps) {
  const path = entityPagePath(entityRef);
  const text = children ?? humanizeRef(entityRef, defaultKind);
  const hover = text === entityRef ? undefined : entityRef;
  return path ? (
    <Link to={path} title={hover}>
      {text}
    </Link>
  ) : (
    <span title={hover}>{text}</span>
  );
}
