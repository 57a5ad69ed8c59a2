import { searchPlugin } from './plugin.js';

export {
  type ResourceDocuments,
  type SearchCollator,
  searchCollatorsPoint,
} from './collators/search-collator.js';
export { type SearchConfig, searchConfigSchema } from './search-config.js';
export { searchPlugin };

/** The search plugin, for `backend.features: ['@atrium/search/backend']`. */
export default searchPlugin;
