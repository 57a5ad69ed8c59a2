import { definePlugin } from '@atrium/kernel';
import { scorecardsPermissionList } from '../common/index.js';

/**
 * Tech health scorecards at `/api/scorecards`.
 *
 * @example
 * backend.add(scorecardsPlugin); // or backend.features: ['@atrium/scorecards/backend']
 */
export const scorecardsPlugin = definePlugin({
  id: 'scorecards',
  description: 'Tech health scorecards: facts, checks, tracks with levels, campaigns, exemptions, history',
  deps: {},
  permissions: scorecardsPermissionList,
  async init() {
    return {};
  },
});

export default scorecardsPlugin;
