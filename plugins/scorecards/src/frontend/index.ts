export { type ScorecardsApi, scorecardsApiRef } from './api/scorecards-api-ref.js';
export { CheckStateChip, type CheckStateChipProps } from './components/check-state-chip.js';
export { LevelBadge, type LevelBadgeProps } from './components/level-badge.js';
export {
  canSeeScorecards,
  entityLevelsCard,
  entityScorecardsTab,
  scorecardsApiExtension,
  scorecardsPage,
  scorecardsWebPlugin,
  teamScorecardsTab,
} from './plugin.js';
