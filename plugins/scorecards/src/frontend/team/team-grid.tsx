import { EmptyState, ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TeamGridRow, Track } from '../../common/index.js';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { splitEntityRef } from '../components/entity-link.js';
import type { LevelLike } from '../components/level-badge.js';
import { LevelGrid, type LevelGridRow } from '../components/level-grid.js';
import { filterTeamRows, type TeamGridFilters } from './filter-team-rows.js';
import { TeamGridFilterBar } from './team-grid-filter-bar.js';

function toGridRow(row: TeamGridRow, tracks: readonly Track[]): LevelGridRow {
  const levels: Record<string, LevelLike | null> = {};
  for (const track of tracks) {
    const ordinal = row.levels[track.id];
    if (ordinal === undefined) continue;
    levels[track.id] = ordinal === 0 ? null : (track.levels.find((l) => l.ordinal === ordinal) ?? null);
  }
  return { entityRef: row.entityRef, levels };
}

function useTeamGrid(groupRef: string) {
  const client = useApi(scorecardsApiRef);
  return useQuery({
    queryKey: ['scorecards', 'team-grid', groupRef],
    queryFn: async () => {
      const [grid, tracks] = await Promise.all([
        client.getTeamGrid({ query: { groupRef } }),
        client.listTracks(),
      ]);
      const kinds = [...new Set(grid.rows.map((r) => splitEntityRef(r.entityRef).kind.toLowerCase()))].sort();
      return { ...grid, tracks: tracks.tracks, kinds };
    },
  });
}

/** A group's entities (owned directly or through sub-teams) × tracks, with filters. */
export function TeamGrid({ groupRef }: { groupRef: string }) {
  const [filters, setFilters] = useState<TeamGridFilters>({ kind: '', trackId: '', level: 'all', text: '' });
  const grid = useTeamGrid(groupRef);
  if (grid.error) return <ErrorPanel error={grid.error} onRetry={() => void grid.refetch()} />;
  if (!grid.data) return <Progress />;
  const { tracks, owners, totalCount } = grid.data;
  const rows = filterTeamRows(grid.data.rows, tracks, filters);
  const shownTracks = tracks.filter((t) => !filters.trackId || t.id === filters.trackId);
  const ownerNames = owners.map((o) => splitEntityRef(o).name).join(', ') || 'no one';
  return (
    <Stack spacing={2}>
      <TeamGridFilterBar filters={filters} onChange={setFilters} kinds={grid.data.kinds} tracks={tracks} />
      <Typography variant="body2" color="text.secondary">
        {`${rows.length} of ${totalCount} entities, owned by ${ownerNames}`}
      </Typography>
      {rows.length === 0 ? (
        <EmptyState
          title="No entities match"
          description="Change the filters, or give the team's entities an owner."
        />
      ) : (
        <LevelGrid
          label={`Levels of the entities ${groupRef} owns`}
          tracks={shownTracks}
          rows={rows.map((r) => toGridRow(r, tracks))}
        />
      )}
    </Stack>
  );
}
