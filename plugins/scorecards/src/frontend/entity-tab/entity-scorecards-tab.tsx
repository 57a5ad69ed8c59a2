import { useEntity } from '@atrium/catalog/frontend';
import { EmptyState, ErrorPanel, Progress } from '@atrium/ui';
import Stack from '@mui/material/Stack';
import { useScorecardsAccess } from '../api/use-scorecards-access.js';
import { TrackCard } from './track-card.js';
import { useEntityScorecard } from './use-entity-scorecard.js';

/** `kind:namespace/name` of an entity as the catalog gives it. */
export function entityRefOf(entity: {
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  return `${entity.kind.toLowerCase()}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`;
}

/** The entity page's "Scorecards" tab: one card per track that applies, with levels and checks. */
export function EntityScorecardsTab() {
  const entityRef = entityRefOf(useEntity());
  const scorecard = useEntityScorecard(entityRef);
  const access = useScorecardsAccess();
  if (scorecard.error) return <ErrorPanel error={scorecard.error} onRetry={() => void scorecard.refetch()} />;
  if (!scorecard.data) return <Progress />;
  if (scorecard.data.tracks.length === 0) {
    return (
      <EmptyState
        title="No scorecard tracks apply"
        description="No track's filter matches this entity yet. Tracks are defined in YAML or in the check editor."
      />
    );
  }
  return (
    <Stack spacing={2}>
      {scorecard.data.tracks.map((track) => (
        <TrackCard
          key={track.id}
          entityRef={entityRef}
          track={track}
          scorecard={scorecard.data}
          access={access.data}
        />
      ))}
    </Stack>
  );
}
