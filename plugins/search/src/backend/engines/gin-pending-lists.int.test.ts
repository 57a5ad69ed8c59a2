import { sql } from '@atrium/kernel';
import { createCaptureLogger, startPluginDatabase, type TestPluginDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from './create-search-engine.js';
import { ginIndexesOfDocuments, searchMigrations } from './search-migrations.js';

const documents = Array.from({ length: 300 }, (_, i) => ({
  title: `service-${i}`,
  text: `Handles payments batch ${i} for the ledger and the settlement of invoices number ${i * 31}`,
  location: `/catalog/default/component/service-${i}`,
}));

describe('GIN pending lists on PostgreSQL', () => {
  let database: TestPluginDatabase;
  beforeAll(async () => {
    database = await startPluginDatabase('postgres', { id: 'search-gin', migrations: searchMigrations });
  });
  afterAll(() => database?.stop());

  it('are bounded to 256 kB, and a rebuild leaves them merged into the indexes', async () => {
    const db = await database.service.getClient();
    const indexes = (await ginIndexesOfDocuments.execute(db)).rows.map((row) => row.name);
    expect(indexes).toContain('search_documents_tsv');
    const { rows: options } = await sql<{ options: string[] | null }>`
      select c.reloptions as options from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'search_documents'::regclass and c.relname in (${sql.join(indexes)})`.execute(db);
    expect(options.map((row) => row.options)).toEqual(indexes.map(() => ['gin_pending_list_limit=256']));

    const engine = await createSearchEngine(database.service, createCaptureLogger());
    const cleanPages = async () => {
      let pages = 0;
      for (const name of indexes) {
        const { rows } = await sql<{
          n: number;
        }>`select gin_clean_pending_list(${name}::regclass) as n`.execute(db);
        pages += Number(rows[0]!.n);
      }
      return pages;
    };
    // New entries wait in the pending lists (fast update) until merged.
    await engine.upsert('software-catalog', documents, Date.now());
    expect(await cleanPages()).toBeGreaterThan(0);
    await engine.upsert('software-catalog', documents.slice(0, 150), Date.now());
    await engine.refreshStatistics();
    expect(await cleanPages()).toBe(0);
  });
});
