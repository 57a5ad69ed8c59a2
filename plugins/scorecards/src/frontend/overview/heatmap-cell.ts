import type { Track, TrackTeamCell } from '../../common/index.js';
import type { HeatmapCell } from '../components/heatmap.js';

/** What a heatmap cell measures: the share certified at any level, or at the track's top level. */
export type HeatmapMetric = 'any' | 'top';

/** A cell's share of entities that reached a level (any, or the top one), with counts per level on hover. */
export function heatmapCell(
  cell: TrackTeamCell,
  track: Pick<Track, 'levels'>,
  metric: HeatmapMetric,
): HeatmapCell {
  const top = Math.max(...track.levels.map((l) => l.ordinal));
  let reached = 0;
  for (const [ordinal, count] of Object.entries(cell.levels)) {
    const value = Number(ordinal);
    if (metric === 'any' ? value > 0 : value >= top) reached += count;
  }
  const share = cell.entityCount === 0 ? 0 : reached / cell.entityCount;
  const perLevel = [...track.levels]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((l) => `${l.name}: ${cell.levels[String(l.ordinal)] ?? 0}`);
  return {
    value: share,
    text: `${Math.round(share * 100)} %`,
    title: [
      `${reached} of ${cell.entityCount} entities`,
      `Not certified: ${cell.levels['0'] ?? 0}`,
      ...perLevel,
    ].join('\n'),
  };
}
