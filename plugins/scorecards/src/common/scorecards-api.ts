import { type ApiClient, type ApiClientOptions, createApiClient, defineHttpApi } from '@atrium/http-api';
import { definitionRoutes } from './scorecards-definition-routes.js';
import { insightRoutes } from './scorecards-insight-routes.js';
import { resultRoutes } from './scorecards-result-routes.js';

/**
 * The scorecards HTTP API at `/api/scorecards`, with Soundcheck's route and field names
 * (`factRef`, `checkId`, `entityRef`, `state`, `details`, `scope`, `submittedBy`) so CI
 * scripts written for Soundcheck port by changing the base path.
 */
export const scorecardsApi = defineHttpApi({
  title: 'Scorecards',
  routes: { ...definitionRoutes, ...resultRoutes, ...insightRoutes },
});

/** A typed client of {@link scorecardsApi}. */
export type ScorecardsClient = ApiClient<typeof scorecardsApi.routes>;

/**
 * Creates a scorecards client (browser or backend).
 *
 * @example
 * const scorecards = createScorecardsClient({ baseUrl: () => discovery.getBaseUrl('scorecards'), fetch });
 * const { results } = await scorecards.getResults({ query: { entityRef: 'component:default/web' } });
 */
export function createScorecardsClient(options: ApiClientOptions): ScorecardsClient {
  return createApiClient(scorecardsApi, options);
}
