import { join, resolve } from 'node:path';
import type { BackendFeatureInput } from '@atrium/kernel';
import { searchPlugin } from '@atrium/search/backend';
import {
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabaseVariant,
} from '@atrium/test-kit';
import { catalogPlugin } from '../../../backend/plugin.js';
import { catalogSearchCollatorModule } from '../search-collator-module.js';

const repoRoot = resolve(import.meta.dirname, '../../../../../..');

/** A portal like `npm start`'s (the shipped app-config.yaml: the example organisation) with search. */
export interface PortalSearch {
  backend: TestBackend;
  token: string;
  search(query: string, token?: string): Promise<{ status: number; body: SearchBody }>;
  /** Waits until search holds every entity the catalog serves. */
  waitUntilIndexed(): Promise<number>;
  stop(): Promise<void>;
}

/** The parts of a search answer these tests read. */
export interface SearchBody {
  results: Array<{
    type: string;
    rank?: number;
    document: { title: string; location: string; authorization?: { resourceRef: string } };
  }>;
  numberOfResults?: number;
  nextPageCursor?: string;
}

/** Starts the catalog with the example organisation, search and the catalog collator on `kind`. */
export async function startPortalSearch(
  kind: TestDatabaseVariant,
  features: BackendFeatureInput[] = [],
  allowedFileRoots: string[] = [],
): Promise<PortalSearch> {
  const database = await createTestDatabase(kind);
  const backend = await startTestBackend({
    features: [catalogPlugin, searchPlugin, catalogSearchCollatorModule, ...features],
    configPaths: [join(repoRoot, 'app-config.yaml')],
    config: {
      backend: { database: database.config },
      catalog: {
        processing: { pollInterval: { milliseconds: 40 } },
        ...(allowedFileRoots.length > 0 ? { allowedFileRoots } : {}),
      },
      search: { schedule: { initialDelay: { milliseconds: 0 } } },
    },
  });
  const token = await backend.userToken();
  const search: PortalSearch['search'] = async (query, as = token) => {
    const response = await backend.fetch(`/api/search/query?${query}`, { token: as });
    return { status: response.status, body: (await response.json()) as SearchBody };
  };
  return {
    backend,
    token,
    search,
    async waitUntilIndexed() {
      let last = -1;
      for (let attempt = 0; attempt < 600; attempt++) {
        const served = (await (
          await backend.fetch('/api/catalog/entities?fields=kind', { token })
        ).json()) as unknown[];
        const indexed = (await search('term=&pageLimit=1')).body.numberOfResults ?? 0;
        // Stable for one round: the catalog has settled and search caught up with it.
        if (served.length > 50 && indexed === served.length && indexed === last) return indexed;
        last = indexed === served.length ? indexed : -1;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('search did not catch up with the catalog within 60 s');
    },
    async stop() {
      await backend.stop();
      await database.cleanup();
    },
  };
}
