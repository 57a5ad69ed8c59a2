import { Link } from '@atrium/ui';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Typography from '@mui/material/Typography';
import type { Track } from '../../common/index.js';
import type { ScorecardsAccess } from '../api/use-scorecards-access.js';
import { LevelBadge } from '../components/level-badge.js';
import { CheckRow } from './check-row.js';
import type { EntityScorecard } from './use-entity-scorecard.js';

/** Props of {@link TrackCard}. */
export interface TrackCardProps {
  entityRef: string;
  track: Track;
  scorecard: EntityScorecard;
  access?: ScorecardsAccess;
}

/** One track on the entity tab: the level reached, then each level's checks with their states. */
export function TrackCard({ entityRef, track, scorecard, access }: TrackCardProps) {
  const certification = scorecard.certifications.get(track.id);
  const levels = [...track.levels].sort((a, b) => a.ordinal - b.ordinal);
  return (
    <Card component="section" aria-label={`Track ${track.name}`}>
      <CardHeader
        title={track.name}
        slotProps={{ title: { component: 'h2', variant: 'h6' } }}
        subheader={track.description}
        action={<LevelBadge level={certification?.highestLevel} levels={levels} size="medium" />}
      />
      <CardContent sx={{ pt: 0 }}>
        {track.documentationURL && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            <Link to={track.documentationURL}>About this track</Link>
          </Typography>
        )}
        {levels.map((level) => {
          const status = certification?.levels.find((l) => l.ordinal === level.ordinal);
          return (
            <Box key={level.ordinal} component="section" aria-label={`Level ${level.name}`} sx={{ mt: 2 }}>
              <Typography variant="subtitle2" component="h3" sx={{ display: 'flex', gap: 1, mb: 0.5 }}>
                {`Level ${level.ordinal}: ${level.name}`}
                <Typography
                  component="span"
                  variant="subtitle2"
                  color={status?.passed ? 'success.main' : 'text.secondary'}
                >
                  {status?.passed ? '· reached' : '· not reached'}
                </Typography>
              </Typography>
              {level.checks.map(({ id }) => (
                <CheckRow
                  key={id}
                  entityRef={entityRef}
                  checkId={id}
                  levelState={status?.checks.find((c) => c.checkId === id)?.state}
                  scorecard={scorecard}
                  access={access}
                />
              ))}
            </Box>
          );
        })}
      </CardContent>
    </Card>
  );
}
