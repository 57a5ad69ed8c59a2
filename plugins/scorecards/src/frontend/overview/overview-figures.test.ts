import { describe, expect, it } from 'vitest';
import { heatmapCell } from './heatmap-cell.js';
import { passRate } from './pass-rate.js';

const track = {
  levels: [
    { ordinal: 1, name: 'Bronze', checks: [{ id: 'a' }] },
    { ordinal: 3, name: 'Gold', checks: [{ id: 'c' }] },
    { ordinal: 2, name: 'Silver', checks: [{ id: 'b' }] },
  ],
};
const cell = {
  trackId: 'health',
  ownerRef: 'group:default/a',
  entityCount: 8,
  levels: { '0': 2, '1': 3, '2': 1, '3': 2 },
};

describe('heatmapCell', () => {
  it('measures the share certified at any level, with counts per level in order on hover', () => {
    const result = heatmapCell(cell, track, 'any');
    expect(result.value).toBe(0.75);
    expect(result.text).toBe('75 %');
    expect(result.title).toBe('6 of 8 entities\nNot certified: 2\nBronze: 3\nSilver: 1\nGold: 2');
  });

  it('measures the share at the top level (the highest ordinal, whatever the order of levels)', () => {
    expect(heatmapCell(cell, track, 'top')).toMatchObject({ value: 0.25, text: '25 %' });
  });

  it('treats a team with no entities as 0 %, not as a division by zero', () => {
    expect(heatmapCell({ ...cell, entityCount: 0, levels: {} }, track, 'any')).toMatchObject({
      value: 0,
      text: '0 %',
    });
  });
});

describe('passRate', () => {
  it('counts warnings as passing and leaves not-applicable results out', () => {
    expect(passRate({ passed: 2, warning: 1, failed: 2, error: 1, 'not-applicable': 10 })).toBe(0.5);
    expect(passRate({ passed: 0, warning: 0, failed: 0, error: 0, 'not-applicable': 3 })).toBe(0);
  });
});
