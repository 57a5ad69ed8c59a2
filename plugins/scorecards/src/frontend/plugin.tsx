import { EntityCardBlueprint, type EntityLike, EntityTabBlueprint } from '@atrium/catalog/frontend';
import {
  ApiBlueprint,
  defineApiFactory,
  defineWebPlugin,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
  type NavItem,
  PageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import { createScorecardsClient } from '../common/index.js';
import { scorecardsApiRef } from './api/scorecards-api-ref.js';

/** `api:scorecards`: the scorecards client over the app's fetch (which adds the user's token). */
export const scorecardsApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: scorecardsApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) =>
      createScorecardsClient({ baseUrl: () => discoveryApi.getBaseUrl('scorecards'), fetch: fetchApi.fetch }),
  }),
});

/** Whether the signed-in user sees Scorecards in the navigation: they hold `scorecards.read`. */
export const canSeeScorecards: NonNullable<NavItem['isVisible']> = async (apis) =>
  (await apis.get(scorecardsApiRef).getAccess()).canRead;

/** `page:scorecards` at `/scorecards`: overview, team pages, check editor, exemption queue. */
export const scorecardsPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/scorecards',
    title: 'Scorecards',
    icon: FactCheckOutlined,
    isVisible: canSeeScorecards,
    loader: () => import('./scorecards-router.js').then((m) => <m.ScorecardsRouter />),
  },
});

// Kinds scored as owned things; groups get the team grid instead, people and locations nothing.
const isTeam = (entity: EntityLike) => entity.kind.toLowerCase() === 'group';
const isScored = (entity: EntityLike) =>
  !['group', 'user', 'location', 'template'].includes(entity.kind.toLowerCase());

/** `entity-tab:scorecards/entity`: an entity's tracks, levels, checks and exemptions. */
export const entityScorecardsTab: ExtensionDefinition = EntityTabBlueprint.make({
  name: 'entity',
  params: {
    path: '/scorecards',
    title: 'Scorecards',
    filter: isScored,
    loader: () => import('./entity-tab/entity-scorecards-tab.js').then((m) => <m.EntityScorecardsTab />),
  },
});

/** `entity-card:scorecards/levels`: on the overview, the level reached in each track. */
export const entityLevelsCard: ExtensionDefinition = EntityCardBlueprint.make({
  name: 'levels',
  params: {
    filter: isScored,
    loader: () => import('./entity-tab/entity-levels-card.js').then((m) => <m.EntityLevelsCard />),
  },
});

/** `entity-tab:scorecards/team`: a group's level grid of every entity it owns, transitively. */
export const teamScorecardsTab: ExtensionDefinition = EntityTabBlueprint.make({
  name: 'team',
  params: {
    path: '/scorecards',
    title: 'Scorecards',
    filter: isTeam,
    loader: () => import('./team/team-scorecards-tab.js').then((m) => <m.TeamScorecardsTab />),
  },
});

/**
 * The scorecards UI: the overview page (nav item for who may read scorecards), team pages,
 * the no-code check editor, the exemption queue, Scorecards tabs on entity pages and a
 * levels card on their overview.
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, scorecardsWebPlugin] });
 */
export const scorecardsWebPlugin: WebPlugin = defineWebPlugin({
  id: 'scorecards',
  title: 'Scorecards',
  extensions: [
    scorecardsApiExtension,
    scorecardsPage,
    entityScorecardsTab,
    entityLevelsCard,
    teamScorecardsTab,
  ],
});
