import { coreServices, definePlugin } from '@atrium/kernel';
import { createTestDatabase, startTestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import type { SearchResultSet } from '../../common/search-types.js';
import { createNotesFixture, type Note, notesPolicy } from '../__fixtures__/notes-fixture.js';
import { createSearchEngine } from '../engines/create-search-engine.js';
import type { SearchEngine } from '../engines/search-engine.js';
import { searchMigrations } from '../engines/search-migrations.js';
import { searchPlugin } from '../plugin.js';

// Another backend's search plugin as far as the index goes: the same schema, its own engine.
function otherBackendsEngine(sink: { engine?: SearchEngine }) {
  return definePlugin({
    id: 'search',
    deps: { db: coreServices.database, logger: coreServices.logger },
    migrations: searchMigrations,
    async init({ deps }) {
      sink.engine = await createSearchEngine(deps.db, deps.logger);
    },
  });
}

describe('search result cache across backends sharing one PostgreSQL', () => {
  it("answers each write of another backend at once, though its own answers' time to live runs on", async () => {
    const database = await createTestDatabase('postgres');
    const notes = new Map<string, Note>([
      [
        'note:harbour',
        { ref: 'note:harbour', title: 'harbour-gauge', text: 'Reads the tide', author: 'bob' },
      ],
    ]);
    const fixture = createNotesFixture(notes);
    const serving = await startTestBackend({
      features: [searchPlugin, ...fixture.features, notesPolicy],
      config: {
        backend: { database: database.config },
        search: { schedule: { initialDelay: { milliseconds: 0 } }, resultCache: { ttl: { minutes: 10 } } },
      },
    });
    const sink: { engine?: SearchEngine } = {};
    const writing = await startTestBackend({
      features: [otherBackendsEngine(sink)],
      config: { backend: { database: database.config } },
    });
    try {
      const token = await serving.userToken();
      const search = async (term: string) =>
        (await (await serving.fetch(`/api/search/query?term=${term}`, { token })).json()) as SearchResultSet;
      await expect.poll(async () => (await search('harbour')).numberOfResults).toBe(1);
      expect((await search('lighthouse')).numberOfResults).toBe(0);
      await sink.engine!.upsert(
        'note',
        [
          {
            title: 'lighthouse-keeper',
            text: 'Keeps the light',
            location: '/notes/note:lighthouse',
            authorization: { resourceRef: 'note:lighthouse' },
          },
        ],
        Date.now(),
      );
      const after = await search('lighthouse');
      expect(after.results.map((result) => result.document.title)).toEqual(['lighthouse-keeper']);
      expect(after.numberOfResults).toBe(1);
      // Every kind of write: replacing a resource's documents, removing what a rebuild left.
      await sink.engine!.replaceResource('note', 'note:lighthouse', []);
      expect((await search('lighthouse')).numberOfResults).toBe(0);
      expect((await search('harbour')).numberOfResults).toBe(1);
      await sink.engine!.removeStale('note', Date.now() + 1);
      expect((await search('harbour')).numberOfResults).toBe(0);
    } finally {
      await writing.stop();
      await serving.stop();
      await database.cleanup();
    }
  });
});
