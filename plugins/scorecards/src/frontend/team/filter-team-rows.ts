import type { TeamGridRow, Track } from '../../common/index.js';
import { splitEntityRef } from '../components/entity-link.js';

/** Which rows the level filter keeps. */
export type LevelFilter = 'all' | 'uncertified' | 'below-top';

/** The grid's filters: kind, track, level reached and a name search. */
export interface TeamGridFilters {
  kind: string;
  trackId: string;
  level: LevelFilter;
  text: string;
}

const topOrdinal = (track: Pick<Track, 'levels'>) => Math.max(...track.levels.map((l) => l.ordinal));

/**
 * Keeps the rows that match the filters. The level filter looks at the chosen track, or
 * keeps a row when any of its tracks matches; a chosen track drops rows it does not apply to.
 *
 * @example
 * filterTeamRows(rows, tracks, { kind: 'component', trackId: '', level: 'uncertified', text: '' });
 */
export function filterTeamRows(
  rows: readonly TeamGridRow[],
  tracks: readonly Pick<Track, 'id' | 'levels'>[],
  filters: TeamGridFilters,
): TeamGridRow[] {
  const text = filters.text.trim().toLowerCase();
  const chosen = tracks.filter((t) => !filters.trackId || t.id === filters.trackId);
  return rows.filter((row) => {
    if (filters.kind && splitEntityRef(row.entityRef).kind.toLowerCase() !== filters.kind) return false;
    if (text && !row.entityRef.toLowerCase().includes(text)) return false;
    const applying = chosen.filter((t) => row.levels[t.id] !== undefined);
    if (filters.trackId && applying.length === 0) return false;
    if (filters.level === 'uncertified') return applying.some((t) => row.levels[t.id] === 0);
    if (filters.level === 'below-top') return applying.some((t) => (row.levels[t.id] ?? 0) < topOrdinal(t));
    return true;
  });
}
