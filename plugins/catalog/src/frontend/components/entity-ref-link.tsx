import type { CompoundEntityRef, Entity } from '@atrium/catalog-model';
import { Link } from '@atrium/ui';
import { entityDisplayName, entityRoute, humanizeEntityRef, toCompoundRef } from './entity-route.js';

/** Props of {@link EntityRefLink}. */
export interface EntityRefLinkProps {
  /** A ref string, compound ref or the entity itself. */
  entityRef: string | CompoundEntityRef | Entity;
  /** Left out of the link text when the ref is of this kind, e.g. `group` for owners. */
  defaultKind?: string;
  /** Link text instead of the humanized ref. */
  title?: string;
}

/**
 * A link to an entity's page. Text always renders as text; a ref that does not parse is
 * shown plainly instead of breaking the page.
 *
 * @example
 * <EntityRefLink entityRef="group:default/team-a" defaultKind="group" />
 */
export function EntityRefLink({ entityRef, defaultKind, title }: EntityRefLinkProps) {
  let compound: CompoundEntityRef;
  try {
    compound = toCompoundRef(entityRef, { defaultKind });
  } catch {
    return <span>{typeof entityRef === 'string' ? entityRef : String(title)}</span>;
  }
  const text =
    title ??
    (typeof entityRef !== 'string' && 'metadata' in entityRef
      ? entityDisplayName(entityRef)
      : humanizeEntityRef(compound, { defaultKind }));
  return <Link to={entityRoute(compound)}>{text}</Link>;
}
