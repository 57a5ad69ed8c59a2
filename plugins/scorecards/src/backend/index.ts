export {
  type CollectedFact,
  type FactCollector,
  type FactDeclaration,
  scorecardsFactCollectorsExtensionPoint,
} from './collectors/fact-collector.js';
export { type ScorecardsConfig, scorecardsConfigSchema } from './config.js';
export { scorecardsPlugin, scorecardsPlugin as default } from './plugin.js';
export type { KnownEntity } from './store/entity-store.js';
