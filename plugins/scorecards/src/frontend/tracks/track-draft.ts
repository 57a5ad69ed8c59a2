import type { Campaign, CampaignInput, Level, Track, TrackInput } from '../../common/index.js';

/** Which definitions an editor edits: tracks, or campaigns (a track shape with dates). */
export type DefinitionKind = 'track' | 'campaign';

/** A campaign's own fields on top of the track shape. */
export type CampaignFields = Pick<Campaign, 'startDate' | 'targetCompletionDate' | 'milestones' | 'archived'>;

/** A track or campaign as the editor holds it: the stored shape without the server's fields. */
export type TrackDraft = Omit<Track, 'source' | 'createdAt' | 'updatedAt'> & Partial<CampaignFields>;

/** A stored track or campaign. */
export type StoredDefinition = Track | Campaign;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The editor's starting point: one empty level; a campaign runs from today for 90 days. */
export function newTrackDraft(kind: DefinitionKind): TrackDraft {
  const draft: TrackDraft = { id: '', name: '', levels: [{ ordinal: 1, name: 'Level 1', checks: [] }] };
  if (kind === 'track') return draft;
  return { ...draft, startDate: day(0), targetCompletionDate: day(90), milestones: [], archived: false };
}

/** A stored definition as an editable draft, its levels in ordinal order. */
export function draftOfDefinition(definition: StoredDefinition): TrackDraft {
  const { source: _source, createdAt: _created, updatedAt: _updated, ...draft } = definition;
  return { ...draft, levels: [...draft.levels].sort((a, b) => a.ordinal - b.ordinal) };
}

/** Levels numbered by their position: the first is ordinal 1. */
export function renumberLevels(levels: readonly Level[]): Level[] {
  return levels.map((level, index) => ({ ...level, ordinal: index + 1 }));
}

/** The levels with the one at `index` moved by `by` places (clamped), renumbered. */
export function moveLevel(levels: readonly Level[], index: number, by: -1 | 1): Level[] {
  const target = index + by;
  if (target < 0 || target >= levels.length) return [...levels];
  const next = [...levels];
  [next[index], next[target]] = [next[target] as Level, next[index] as Level];
  return renumberLevels(next);
}

const optionalText = ['description', 'ownerEntityRef', 'documentationURL'] as const;
const campaignKeys = ['startDate', 'targetCompletionDate', 'milestones', 'archived'] as const;

/** The draft as the API takes it: empty optional texts left out, ordinals by position, campaign fields only on campaigns. */
export function toDefinitionInput(draft: TrackDraft, kind: 'track'): TrackInput;
export function toDefinitionInput(draft: TrackDraft, kind: 'campaign'): CampaignInput;
export function toDefinitionInput(draft: TrackDraft, kind: DefinitionKind): TrackInput | CampaignInput;
export function toDefinitionInput(draft: TrackDraft, kind: DefinitionKind): TrackInput | CampaignInput {
  const input: TrackDraft = { ...draft, levels: renumberLevels(draft.levels) };
  for (const key of optionalText) if (!input[key]?.trim()) delete input[key];
  if (kind === 'track') {
    for (const key of campaignKeys) delete input[key];
    return input;
  }
  return input as CampaignInput;
}
