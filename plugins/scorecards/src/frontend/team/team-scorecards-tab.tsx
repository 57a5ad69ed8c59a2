import { useEntity } from '@atrium/catalog/frontend';
import { Link } from '@atrium/ui';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { teamPagePath } from '../components/entity-link.js';
import { TeamGrid } from './team-grid.js';

/** A group's "Scorecards" tab: the level grid of every entity the group owns, transitively. */
export function TeamScorecardsTab() {
  const entity = useEntity();
  const namespace = entity.metadata.namespace ?? 'default';
  const groupRef = `group:${namespace}/${entity.metadata.name}`;
  return (
    <Stack spacing={1}>
      <Typography variant="body2">
        <Link to={teamPagePath(namespace, entity.metadata.name)}>Open the team page</Link>
      </Typography>
      <TeamGrid groupRef={groupRef} />
    </Stack>
  );
}
