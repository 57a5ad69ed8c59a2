import type { Entity } from '@atrium/catalog-model';
import { ErrorPanel, LoadingSkeleton } from '@atrium/ui';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useEntity } from '../blueprints/entity-context.js';
import { EntitySummaryTable } from '../components/entity-summary-table.js';
import { InfoCard } from '../components/info-card.js';
import { useRelatedEntities } from './use-related-entities.js';

/** Props of {@link RelationCard}. */
export interface RelationCardProps {
  title: string;
  /** Relation types whose targets the card lists, e.g. `['dependsOn']`. */
  relations: readonly string[];
  /** Shown when the entity has none. */
  emptyText: string;
}

/**
 * A card listing the targets of some of the entity's relations ("Depends on",
 * "Provided APIs", "Has parts"...), each linked to its page.
 *
 * @example
 * <RelationCard title="Depends on" relations={['dependsOn']} emptyText="No dependencies." />
 */
export function RelationCard({ title, relations, emptyText }: RelationCardProps) {
  const entity = useEntity<Entity>();
  const { refs, related, error, refetch } = useRelatedEntities(entity, relations);
  let body: ReactNode;
  if (refs.length === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    );
  } else if (error) {
    body = <ErrorPanel error={error} onRetry={() => void refetch()} />;
  } else if (!related) {
    body = <LoadingSkeleton lines={Math.min(refs.length, 3)} />;
  } else {
    body = <EntitySummaryTable label={title} rows={related} />;
  }
  return <InfoCard title={title}>{body}</InfoCard>;
}
