import { EmptyState, ErrorPanel, Link, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { splitEntityRef, teamPagePath } from '../components/entity-link.js';
import { Heatmap } from '../components/heatmap.js';
import { type HeatmapMetric, heatmapCell } from './heatmap-cell.js';
import { SectionCard } from './section-card.js';

function useOverview() {
  const client = useApi(scorecardsApiRef);
  return useQuery({
    queryKey: ['scorecards', 'overview'],
    queryFn: async () => {
      const [overview, tracks] = await Promise.all([client.getOverview(), client.listTracks()]);
      return { ...overview, tracks: tracks.tracks };
    },
  });
}

/** Tracks × owning teams, each cell the share of the team's entities certified in the track. */
export function HeatmapSection() {
  const [metric, setMetric] = useState<HeatmapMetric>('any');
  const data = useOverview();
  const toggle = (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={metric}
      onChange={(_, next) => next && setMetric(next)}
      aria-label="Measure"
    >
      <ToggleButton value="any">Any level</ToggleButton>
      <ToggleButton value="top">Top level</ToggleButton>
    </ToggleButtonGroup>
  );
  if (data.error) return <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Progress />;
  const { cells, tracks } = data.data;
  const teams = [...new Set(cells.map((c) => c.ownerRef))].sort();
  const byKey = new Map(cells.map((c) => [`${c.ownerRef}|${c.trackId}`, c]));
  const trackById = new Map(tracks.map((t) => [t.id, t]));
  return (
    <SectionCard
      title="Tracks by team"
      subheader="Share of each team's entities certified in each track"
      action={toggle}
    >
      {teams.length === 0 ? (
        <EmptyState
          title="No results yet"
          description="Once checks run, each team's certification shows here."
        />
      ) : (
        <Heatmap
          label="Certification by track and team"
          rowHeader="Team"
          columns={tracks.map((t) => ({ key: t.id, label: t.name }))}
          rows={teams.map((team) => {
            const { kind, namespace, name } = splitEntityRef(team);
            const isGroup = kind.toLowerCase() === 'group';
            return {
              key: team,
              label: isGroup ? <Link to={teamPagePath(namespace, name)}>{name}</Link> : team,
            };
          })}
          cell={(team, trackId) => {
            const cell = byKey.get(`${team}|${trackId}`);
            const track = trackById.get(trackId);
            return cell && track ? heatmapCell(cell, track, metric) : undefined;
          }}
        />
      )}
    </SectionCard>
  );
}
