import { defineApiRef } from '@atrium/web-kernel';
import type { ScorecardsClient } from '../../common/index.js';

/** The scorecards REST API (base `/api/scorecards`) as the browser uses it: one method per route. */
export type ScorecardsApi = ScorecardsClient;

/** Ref of the scorecards API (`useApi(scorecardsApiRef)`). */
export const scorecardsApiRef = defineApiRef<ScorecardsApi>({ id: 'plugin.scorecards.client' });
