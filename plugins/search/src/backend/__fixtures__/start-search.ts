import type { BackendFeatureInput, JsonObject } from '@atrium/kernel';
import {
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabaseVariant,
} from '@atrium/test-kit';
import { vi } from 'vitest';
import type { SearchResultSet } from '../../common/search-types.js';
import { searchPlugin } from '../plugin.js';

/** A backend with the search plugin, plus a typed query helper. */
export interface TestSearch {
  backend: TestBackend;
  /** GETs `/api/search/query?<query>` with the token; the status and JSON body. */
  query(
    query: string,
    token?: string,
  ): Promise<{ status: number; body: SearchResultSet & { error?: { message: string } } }>;
  /** Polls a query until `done` holds for its body (the index catches up in the background). */
  waitFor(query: string, done: (body: SearchResultSet) => boolean, token?: string): Promise<SearchResultSet>;
  stop(): Promise<void>;
}

/** Starts search with `features` on a fresh database of `kind`; the first rebuild runs at once. */
export async function startSearch(
  kind: TestDatabaseVariant,
  features: BackendFeatureInput[],
  config: JsonObject = {},
): Promise<TestSearch> {
  const database = await createTestDatabase(kind);
  const backend = await startTestBackend({
    features: [searchPlugin, ...features],
    config: {
      backend: { database: database.config },
      search: { schedule: { initialDelay: { milliseconds: 0 } } },
      ...config,
    },
  });
  const userToken = await backend.userToken();
  const query: TestSearch['query'] = async (q, token = userToken) => {
    const response = await backend.fetch(`/api/search/query?${q}`, { token });
    return { status: response.status, body: await response.json() };
  };
  return {
    backend,
    query,
    async waitFor(q, done, token) {
      return vi.waitFor(
        async () => {
          const { status, body } = await query(q, token);
          if (status !== 200 || !done(body))
            throw new Error(
              `search '${q}' has not reached the expected state: ${status} ${JSON.stringify(body)}`,
            );
          return body;
        },
        { timeout: 10_000, interval: 50 },
      );
    },
    async stop() {
      await backend.stop();
      await database.cleanup();
    },
  };
}
