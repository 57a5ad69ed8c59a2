import { AtriumError } from '@atrium/errors';
import { coreServices, definePlugin, durationToMs } from '@atrium/kernel';
import { searchApi } from '../common/search-api.js';
import { searchErrorCodes } from '../common/search-error-codes.js';
import { parseSearchQuery } from '../common/search-query-params.js';
import { type SearchCollator, searchCollatorsPoint } from './collators/search-collator.js';
import { createSearchEngine } from './engines/create-search-engine.js';
import { searchMigrations } from './engines/search-migrations.js';
import { startIndexing } from './indexing/start-indexing.js';
import { clearedOnWrite, createResultCache } from './query/result-cache.js';
import { runSearch } from './query/run-search.js';
import { searchConfigSchema } from './search-config.js';

// Answers of 16 million characters as JSON at most: a page of 25 catalog entities is some
// 25,000, a page of docs up to 2.5 million (each page's text is kept up to 100,000).
const RESULT_CACHE_CHARS = 16 * 1024 * 1024;

function checkUniqueTypes(collators: readonly SearchCollator[]) {
  const seen = new Set<string>();
  for (const { type } of collators) {
    if (seen.has(type)) {
      throw new AtriumError(
        searchErrorCodes.SEARCH_DUPLICATE_TYPE,
        `two collators contribute search type '${type}'; remove one of the modules that add it to 'search.collators'`,
      );
    }
    seen.add(type);
  }
}

/**
 * Portal-wide search at `/api/search`: the document types modules contribute through
 * `search.collators`, indexed in the plugin's database (SQLite FTS5 or PostgreSQL
 * full-text, chosen by the database client), Backstage's query API.
 *
 * @example
 * backend.add(searchPlugin); // or backend.features: ['@atrium/search/backend']
 */
export const searchPlugin = definePlugin({
  id: 'search',
  description: 'Portal-wide search: collators, full-text index and the search API',
  config: searchConfigSchema,
  deps: {
    db: coreServices.database,
    http: coreServices.httpRouter,
    logger: coreServices.logger,
    events: coreServices.events,
    scheduler: coreServices.scheduler,
    permissions: coreServices.permissions,
  },
  migrations: searchMigrations,
  apis: [searchApi],
  errorCodes: [searchErrorCodes],
  extensionPoints: { collators: searchCollatorsPoint },
  async init({ deps, config, extensions }) {
    const collators = extensions.collators;
    checkUniqueTypes(collators);
    const ttlMs = durationToMs(config.resultCache.ttl);
    const searchEngine = await createSearchEngine(deps.db, deps.logger);
    // A time to live of 0 turns the cache off: no version read, every search runs.
    const cache =
      ttlMs > 0 ? createResultCache({ ttlMs, maxEntries: 1_000, maxChars: RESULT_CACHE_CHARS }) : undefined;
    const engine = cache ? clearedOnWrite(searchEngine, cache) : searchEngine;
    const context = { engine, collators, permissions: deps.permissions, ...(cache ? { cache } : {}) };
    deps.http.implement(searchApi, {
      query: ({ query, credentials }) => runSearch(context, parseSearchQuery(query), credentials),
    });
    let unsubscribe: (() => void) | undefined;
    return {
      async start() {
        unsubscribe = await startIndexing({ ...deps, engine, collators, config });
      },
      async stop() {
        unsubscribe?.();
      },
    };
  },
});
