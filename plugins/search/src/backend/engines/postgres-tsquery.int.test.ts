import { sql } from '@atrium/kernel';
import { startPluginDatabase, type TestPluginDatabase } from '@atrium/test-kit';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDb } from './create-sql-engine.js';
import { createTsqueryResolver } from './postgres-tsquery.js';
import { searchMigrations } from './search-migrations.js';

// Counts the statements a Kysely instance runs.
function countingStatements(db: SearchDb) {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      counter.statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), counter };
}

describe('PostgreSQL text search queries of a request', () => {
  let database: TestPluginDatabase;
  let db: SearchDb;
  beforeAll(async () => {
    database = await startPluginDatabase('postgres', { id: 'search-tsquery', migrations: searchMigrations });
    db = await database.service.getClient();
  });
  afterAll(() => database?.stop());

  const asText = async (resolved: Awaited<ReturnType<ReturnType<typeof createTsqueryResolver>>>) => {
    const { rows } = await sql<{ query: string; named: string }>`
      select ${resolved.query}::text as query, ${resolved.named}::text as named`.execute(db);
    return rows[0];
  };

  it('holds one operand where both configurations read a word alike, and both where they differ', async () => {
    const resolve = createTsqueryResolver(db);
    expect(await asText(await resolve(['payment']))).toEqual({
      query: "'payment':*",
      named: "'payment':*AB",
    });
    expect(await asText(await resolve(['services']))).toEqual({
      query: "'services':* | 'servic':*",
      named: "'services':*AB | 'servic':*AB",
    });
    expect(await asText(await resolve(['payments', 'api']))).toEqual({
      query: "( 'payments' | 'payment' ) & 'api':*",
      named: "( 'payments':AB | 'payment':AB ) & 'api':*AB",
    });
  });

  it('leaves a stop word out beside other words, and keeps it alone', async () => {
    const resolve = createTsqueryResolver(db);
    expect((await asText(await resolve(['good', 'to', 'know'])))?.query).toBe("'good' & 'know':*");
    expect((await asText(await resolve(['to'])))?.query).toBe("'to':*");
  });

  it('matches what the tsvector of a document holds', async () => {
    const resolve = createTsqueryResolver(db);
    const tsv = sql`setweight(to_tsvector('simple', 'Payments services'), 'A') || to_tsvector('english', 'Payments services')`;
    for (const tokens of [['payment'], ['servic'], ['services'], ['payments', 'serv']]) {
      const { query, named } = await resolve(tokens);
      const { rows } = await sql<{ matched: boolean; titled: boolean }>`
        select ${tsv} @@ ${query} as matched, ${tsv} @@ ${named} as titled`.execute(db);
      expect({ tokens, ...rows[0] }).toEqual({ tokens, matched: true, titled: true });
    }
  });

  it('asks the database once for a list of words, then answers from memory', async () => {
    const { db: counted, counter } = countingStatements(db);
    const resolve = createTsqueryResolver(counted);
    const first = await asText(await resolve(['checkout', 'serv']));
    expect(counter.statements).toBe(1);
    expect(await asText(await resolve(['checkout', 'serv']))).toEqual(first);
    expect(counter.statements).toBe(1);
    await resolve(['checkout']);
    expect(counter.statements).toBe(2);
  });
});
