import { describe, expect, it } from 'vitest';
import { campaignInputSchema, trackInputSchema } from '../../common/index.js';
import { moveLevel, newTrackDraft, toDefinitionInput } from './track-draft.js';

const levels = [
  { ordinal: 1, name: 'Bronze', checks: [{ id: 'a' }] },
  { ordinal: 2, name: 'Silver', checks: [{ id: 'b' }] },
  { ordinal: 3, name: 'Gold', checks: [{ id: 'c' }] },
];

describe('track drafts', () => {
  it('moves a level and renumbers every ordinal by position', () => {
    const moved = moveLevel(levels, 2, -1);
    expect(moved.map((l) => [l.ordinal, l.name])).toEqual([
      [1, 'Bronze'],
      [2, 'Gold'],
      [3, 'Silver'],
    ]);
    expect(moveLevel(levels, 0, -1).map((l) => l.name)).toEqual(['Bronze', 'Silver', 'Gold']);
  });

  it('leaves out empty texts and, for a track, the campaign fields', () => {
    const draft = { ...newTrackDraft('campaign'), id: 't', name: 'T', description: ' ', levels };
    const track = toDefinitionInput(draft, 'track');
    expect(track).not.toHaveProperty('description');
    expect(track).not.toHaveProperty('startDate');
    expect(trackInputSchema.safeParse(track).success).toBe(true);
    const campaign = toDefinitionInput(draft, 'campaign');
    expect(campaignInputSchema.parse(campaign).startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
