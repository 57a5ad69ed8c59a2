import { useEntity } from '@atrium/catalog/frontend';
import { ErrorPanel, Link, Progress } from '@atrium/ui';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { entityPagePath } from '../components/entity-link.js';
import { LevelBadge } from '../components/level-badge.js';
import { entityRefOf } from './entity-scorecards-tab.js';
import { useEntityScorecard } from './use-entity-scorecard.js';

/** The overview's "Scorecards" card: the level reached in each track, linking to the tab. */
export function EntityLevelsCard() {
  const entityRef = entityRefOf(useEntity());
  const scorecard = useEntityScorecard(entityRef);
  const details = <Link to={entityPagePath(entityRef, '/scorecards')}>View details</Link>;
  return (
    <Card component="section" aria-label="Scorecards" sx={{ height: '100%' }}>
      <CardHeader
        title="Scorecards"
        action={details}
        slotProps={{ title: { component: 'h2', variant: 'h6' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {scorecard.error && <ErrorPanel error={scorecard.error} />}
        {!scorecard.data && !scorecard.error && <Progress />}
        {scorecard.data?.tracks.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            No track applies to this entity.
          </Typography>
        )}
        <Stack spacing={1}>
          {scorecard.data?.tracks.map((track) => (
            <Stack key={track.id} direction="row" justifyContent="space-between" alignItems="center">
              <Typography variant="body2">{track.name}</Typography>
              <LevelBadge
                level={scorecard.data.certifications.get(track.id)?.highestLevel}
                levels={track.levels}
              />
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
