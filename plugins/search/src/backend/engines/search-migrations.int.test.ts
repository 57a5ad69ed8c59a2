import { sql } from '@atrium/kernel';
import { startPluginDatabase, type TestPluginDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchMigrations } from './search-migrations.js';

const before = Object.fromEntries(
  Object.entries(searchMigrations).filter(([name]) => name < '0005_vectors_in_row'),
);

// A docs page big enough for PostgreSQL to move its values out of the row.
const pageText = Array.from({ length: 600 }, (_, i) => `word${(i * 7919) % 1000} section${i}`).join(' ');

describe('0005_vectors_in_row on PostgreSQL', () => {
  let database: TestPluginDatabase;
  beforeAll(async () => {
    database = await startPluginDatabase('postgres', { id: 'search-vectors', migrations: before });
    const db = await database.service.getClient();
    for (const [key, body] of [
      ['big', pageText],
      ['small', 'a short entity description'],
    ]) {
      await sql`insert into search_documents (type, doc_key, title, keywords, body, exact_keys, document, indexed_at, tsv)
        values ('techdocs', ${key}, ${key}, '', ${body}, '', ${JSON.stringify({ text: body })}, 0,
          to_tsvector('english', ${body}))`.execute(db);
    }
  });
  afterAll(() => database?.stop());

  it('keeps the vectors in the row from then on, and every vector as it was', async () => {
    const db = await database.service.getClient();
    const vectors = async () =>
      (
        await sql<{
          doc_key: string;
          tsv: string;
        }>`select doc_key, tsv::text as tsv from search_documents order by doc_key`.execute(db)
      ).rows;
    const old = await vectors();
    await searchMigrations['0005_vectors_in_row']!.up(db, { client: 'postgres' });
    expect(await vectors()).toEqual(old);
    const { rows } = await sql<{ attstorage: string }>`select attstorage from pg_attribute
      where attrelid = 'search_documents'::regclass and attname = 'tsv'`.execute(db);
    expect(rows).toEqual([{ attstorage: 'm' }]);
    const matched = await sql<{ doc_key: string }>`select doc_key from search_documents
      where tsv @@ to_tsquery('english', 'section599')`.execute(db);
    expect(matched.rows).toEqual([{ doc_key: 'big' }]);
  });
});
