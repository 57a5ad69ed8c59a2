import { type CompoundEntityRef, type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { Link } from '@atrium/ui';
import { useEntityTitle } from '../presentation/use-entity-presentation.js';
import { entityDisplayName, entityRoute, humanizeEntityRef, toCompoundRef } from './entity-route.js';

/** Props of {@link EntityRefLink}. */
export interface EntityRefLinkProps {
  /** A ref string, compound ref or the entity itself. */
  entityRef: string | CompoundEntityRef | Entity;
  /** Left out of the link text when the ref is of this kind, e.g. `group` for owners. */
  defaultKind?: string;
  /** Link text instead of the entity's title or the humanized ref. */
  title?: string;
}

function RefLink({ compound, text }: { compound: CompoundEntityRef; text: string }) {
  const ref = stringifyEntityRef(compound);
  // The ref on hover, and as the link's accessible description, when the text is a title.
  return (
    <Link to={entityRoute(compound)} title={text === ref ? undefined : ref}>
      {text}
    </Link>
  );
}

function TitledRefLink({ compound, defaultKind }: { compound: CompoundEntityRef; defaultKind?: string }) {
  const title = useEntityTitle(compound);
  return <RefLink compound={compound} text={title ?? humanizeEntityRef(compound, { defaultKind })} />;
}

/**
 * A link to an entity's page, showing its title: an entity's own, or for a ref the one
 * the catalog has (fetched in a batch with the page's other refs), with the ref on hover.
 * Text always renders as text; a ref that does not parse is shown plainly.
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
  if (title !== undefined) return <RefLink compound={compound} text={title} />;
  if (typeof entityRef !== 'string' && 'metadata' in entityRef)
    return <RefLink compound={compound} text={entityDisplayName(entityRef)} />;
  return <TitledRefLink compound={compound} defaultKind={defaultKind} />;
}
