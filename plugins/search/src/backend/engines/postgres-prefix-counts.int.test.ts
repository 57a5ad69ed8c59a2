import { sql } from '@atrium/kernel';
import { createCaptureLogger, startPluginDatabase, type TestPluginDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexableDocument } from '../../common/search-types.js';
import { createSearchEngine } from './create-search-engine.js';
import type { SearchDb } from './create-sql-engine.js';
import { compactPrefixCounts, countPrefix, isCountedPrefix } from './postgres-prefix-counts.js';
import type { SearchEngine } from './search-engine.js';
import { searchMigrations } from './search-migrations.js';

const before = Object.fromEntries(
  Object.entries(searchMigrations).filter(([name]) => name < '0008_prefix_counts'),
);

// Stop words, digits, stemmed words and words that share their first letters.
const words = [
  'the',
  'an',
  'is',
  'on',
  'settlement',
  'settles',
  'service',
  'sea',
  'a',
  '7b',
  '42',
  'x',
  'running',
];
const documentOf = (i: number, salt = 0): IndexableDocument => ({
  title: `${words[(i + salt) % words.length]}-api-${i}`,
  text: Array.from({ length: 5 }, (_, k) => words[(i * 3 + k + salt) % words.length]).join(' '),
  location: `/catalog/default/component/c${i}`,
  authorization: { resourceRef: `component:default/c${i % 10}` },
});
const types = ['software-catalog', 'techdocs'];

// What the index answers: documents with a word beginning with `prefix`, as the engine's tsquery matches them.
async function matchCount(db: SearchDb, prefix: string, type: string): Promise<number> {
  const lexeme = `'${prefix}':*`;
  const { rows } = await sql<{ n: string }>`select count(*) as n from search_documents d
    where d.tsv @@ (to_tsquery('simple', ${lexeme}) || to_tsquery('english', ${lexeme})) and d.type = ${type}`.execute(
    db,
  );
  return Number(rows[0]!.n);
}

const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const prefixes = [
  ...letters,
  ...['se', 'th', 'an', 'is', 'on', 'ap', 'ru', '7b', '42', 'zz', 'qq'],
  ...['set', 'ser', 'not', 'the', 'run', 'api', 'ope', 'fli', 'zzz'],
];
// Their English stems differ ('op', 'fli'): the engine's query matches those words too.
const stemmed = ['ops', 'fly'];

async function expectCountsAsMatched(db: SearchDb) {
  for (const prefix of prefixes) {
    for (const type of types) {
      const request = { tokens: [prefix], types: [type], filters: {} };
      expect(isCountedPrefix(request)).toBe(true);
      expect({ prefix, type, n: await countPrefix(db, request) }).toEqual({
        prefix,
        type,
        n: await matchCount(db, prefix, type),
      });
    }
  }
  for (const prefix of stemmed) {
    expect(await countPrefix(db, { tokens: [prefix], types, filters: {} })).toBeUndefined();
  }
}

describe('prefix counts on PostgreSQL', () => {
  let database: TestPluginDatabase;
  let engine: SearchEngine;
  let db: SearchDb;
  beforeAll(async () => {
    database = await startPluginDatabase('postgres', { id: 'search-prefixes', migrations: before });
    db = await database.service.getClient();
    engine = await createSearchEngine(database.service, createCaptureLogger());
    const documents = Array.from({ length: 120 }, (_, i) => documentOf(i));
    await engine.upsert('software-catalog', documents, 1);
    await engine.upsert('techdocs', documents.slice(0, 40), 1);
  });
  afterAll(() => database?.stop());

  it('are filled from the stored documents, then kept by every write', async () => {
    await searchMigrations['0008_prefix_counts']!.up(db, { client: 'postgres' });
    await expectCountsAsMatched(db);

    // Rewritten with other words, partly unchanged, replaced by resource, removed as stale.
    await engine.upsert(
      'software-catalog',
      Array.from({ length: 60 }, (_, i) => documentOf(i, 5)),
      2,
    );
    await engine.upsert(
      'software-catalog',
      Array.from({ length: 30 }, (_, i) => documentOf(60 + i)),
      2,
    );
    await engine.replaceResource('software-catalog', 'component:default/c3', [documentOf(3, 7)]);
    expect(await engine.removeStale('software-catalog', 2)).toBeGreaterThan(0);
    await engine.upsert('techdocs', [documentOf(500, 2)], 3);
    await expectCountsAsMatched(db);
  });

  it('keep their sums when folded, with one row per prefix and type', async () => {
    const rows = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from search_prefix_counts`.execute(db)).rows[0]!.n,
      );
    const unfolded = await rows();
    await compactPrefixCounts(db);
    const { rows: duplicates } = await sql`select prefix, type from search_prefix_counts
      group by prefix, type having count(*) > 1`.execute(db);
    expect(duplicates).toEqual([]);
    expect(await rows()).toBeLessThan(unfolded);
    await expectCountsAsMatched(db);
  });

  it('answer the engine only for one short plain word without filters', () => {
    const request = { tokens: ['se'], types, filters: {} };
    expect(isCountedPrefix(request)).toBe(true);
    expect(isCountedPrefix({ ...request, tokens: ['set'] })).toBe(true);
    expect(isCountedPrefix({ ...request, tokens: ['sett'] })).toBe(false);
    expect(isCountedPrefix({ ...request, tokens: ['se', 'a'] })).toBe(false);
    expect(isCountedPrefix({ ...request, tokens: ['sé'] })).toBe(false);
    expect(isCountedPrefix({ ...request, filters: { kind: ['component'] } })).toBe(false);
    expect(isCountedPrefix({ ...request, excludeTitlesFirst: 'se' })).toBe(false);
  });
});
