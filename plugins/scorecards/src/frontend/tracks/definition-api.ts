import type { Check } from '../../common/index.js';
import type { ScorecardsApi } from '../api/scorecards-api-ref.js';
import {
  type DefinitionKind,
  type StoredDefinition,
  type TrackDraft,
  toDefinitionInput,
} from './track-draft.js';

/** The routes of one kind of levelled definition, so one editor serves tracks and campaigns. */
export interface DefinitionApi {
  list(): Promise<StoredDefinition[]>;
  get(id: string): Promise<StoredDefinition>;
  save(draft: TrackDraft, existingId?: string): Promise<StoredDefinition>;
  /** Every check, for the level pickers. */
  checks(): Promise<Check[]>;
}

/** Tracks' or campaigns' routes of the scorecards API. */
export function definitionApi(client: ScorecardsApi, kind: DefinitionKind): DefinitionApi {
  const checks = async () => (await client.listChecks()).checks;
  if (kind === 'track') {
    return {
      checks,
      list: async () => (await client.listTracks()).tracks,
      get: (trackId) => client.getTrack({ params: { trackId } }),
      save: (draft, trackId) => {
        const body = toDefinitionInput(draft, 'track');
        return trackId ? client.updateTrack({ params: { trackId }, body }) : client.createTrack({ body });
      },
    };
  }
  return {
    checks,
    list: async () => (await client.listCampaigns({ query: { includeArchived: 'true' } })).campaigns,
    get: (campaignId) => client.getCampaign({ params: { campaignId } }),
    save: (draft, campaignId) => {
      const body = toDefinitionInput(draft, 'campaign');
      return campaignId
        ? client.updateCampaign({ params: { campaignId }, body })
        : client.createCampaign({ body });
    },
  };
}

/** Words and paths of each kind, for titles and links. */
export const definitionKinds = {
  track: { title: 'Track', plural: 'Tracks', path: '/scorecards/tracks', configKey: 'scorecards.tracks' },
  campaign: {
    title: 'Campaign',
    plural: 'Campaigns',
    path: '/scorecards/campaigns',
    configKey: 'scorecards.campaigns',
  },
} as const satisfies Record<
  DefinitionKind,
  { title: string; plural: string; path: string; configKey: string }
>;
