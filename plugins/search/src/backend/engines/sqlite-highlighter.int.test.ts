import { type MigrationDb, sql } from '@atrium/kernel';
import { startPluginDatabase, type TestPluginDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteHighlighter } from './sqlite-highlighter.js';

const documents = [
  ['payments-gateway', 'component payments', 'Takes card payments for the storefront.'],
  ['ledger', 'component finance', 'Books every payment into the general ledger.'],
  ['identity-broker', 'component identity', 'Signs users in.'],
];

const migrations = {
  '0001_documents': {
    async up(db: MigrationDb) {
      await sql`create table search_documents (id integer primary key, title text, keywords text, body text)`.execute(
        db,
      );
      for (const [title, keywords, body] of documents) {
        await sql`insert into search_documents (title, keywords, body) values (${title}, ${keywords}, ${body})`.execute(
          db,
        );
      }
    },
  },
};

describe('the SQLite highlighter', () => {
  let database: TestPluginDatabase;
  beforeAll(async () => {
    database = await startPluginDatabase('sqlite-file', { id: 'highlighted', migrations });
  });
  afterAll(() => database?.stop());

  it("marks the query's words (stemmed, the last as a prefix) in the title and a snippet of the text", async () => {
    const highlight = createSqliteHighlighter(await database.service.getWorkerReader());
    const rows = await highlight([1, 2], '"payment"*');
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    expect(byId.get(1)).toMatchObject({
      title: '<mark>payments</mark>-gateway',
      text: 'Takes card <mark>payments</mark> for the storefront.',
    });
    expect(byId.get(2)?.text).toBe('Books every <mark>payment</mark> into the general ledger.');
  });

  it('gives each call in flight its own rows and leaves nothing behind (on the one write connection)', async () => {
    const db = await database.service.getClient();
    const highlight = createSqliteHighlighter(db);
    const [payments, ledger, identity] = await Promise.all([
      highlight([1, 2, 3], '"payments"'),
      highlight([1, 2, 3], '"ledger"'),
      highlight([1, 2, 3], '"identity"'),
    ]);
    expect(payments!.map((row) => Number(row.id)).sort()).toEqual([1, 2]);
    expect(ledger!.map((row) => Number(row.id))).toEqual([2]);
    expect(identity!.map((row) => row.title)).toEqual(['<mark>identity</mark>-broker']);
    const { rows } = await sql<{ n: number }>`select count(*) as n from temp.search_highlight`.execute(db);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
