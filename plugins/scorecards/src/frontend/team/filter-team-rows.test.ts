import { describe, expect, it } from 'vitest';
import type { TeamGridRow } from '../../common/index.js';
import { filterTeamRows, type TeamGridFilters } from './filter-team-rows.js';

const tracks = [
  {
    id: 'health',
    levels: [
      { ordinal: 1, name: 'B', checks: [{ id: 'a' }] },
      { ordinal: 2, name: 'G', checks: [{ id: 'b' }] },
    ],
  },
  { id: 'security', levels: [{ ordinal: 1, name: 'Only', checks: [{ id: 's' }] }] },
];
const rows: TeamGridRow[] = [
  { entityRef: 'component:default/web', levels: { health: 2, security: 1 }, failedChecks: 0 },
  { entityRef: 'component:default/worker', levels: { health: 0 }, failedChecks: 3 },
  { entityRef: 'api:default/orders-api', levels: { health: 1, security: 0 }, failedChecks: 1 },
];
const all: TeamGridFilters = { kind: '', trackId: '', level: 'all', text: '' };
const refs = (filters: Partial<TeamGridFilters>) =>
  filterTeamRows(rows, tracks, { ...all, ...filters }).map((r) => r.entityRef);

describe('filterTeamRows', () => {
  it('keeps everything without filters', () => {
    expect(refs({})).toHaveLength(3);
  });

  it('filters by kind and by a part of the ref, case-insensitively', () => {
    expect(refs({ kind: 'api' })).toEqual(['api:default/orders-api']);
    expect(refs({ text: 'WORK' })).toEqual(['component:default/worker']);
  });

  it('keeps only entities a chosen track applies to', () => {
    expect(refs({ trackId: 'security' })).toEqual(['component:default/web', 'api:default/orders-api']);
  });

  it('finds entities not certified, or below the top level, in any track or the chosen one', () => {
    expect(refs({ level: 'uncertified' })).toEqual(['component:default/worker', 'api:default/orders-api']);
    expect(refs({ level: 'uncertified', trackId: 'health' })).toEqual(['component:default/worker']);
    expect(refs({ level: 'below-top', trackId: 'health' })).toEqual([
      'component:default/worker',
      'api:default/orders-api',
    ]);
    expect(refs({ level: 'below-top', trackId: 'security' })).toEqual(['api:default/orders-api']);
  });
});
