import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteHighlighter } from './sqlite-highlighter.js';

const documents = [
  {
    title: 'payments-gateway',
    keywords: 'component payments',
    body: 'Takes card payments for the storefront.',
  },
  { title: 'ledger', keywords: 'component finance', body: 'Books every payment into the general ledger.' },
  { title: 'identity-broker', keywords: 'component identity', body: 'Signs users in.' },
];

function openIndex() {
  const handle = new Database(':memory:');
  handle.exec(`create table search_documents (id integer primary key, title text, keywords text, body text)`);
  const insert = handle.prepare('insert into search_documents (title, keywords, body) values (?, ?, ?)');
  for (const d of documents) insert.run(d.title, d.keywords, d.body);
  return { handle, db: new Kysely({ dialect: new SqliteDialect({ database: handle }) }) };
}

describe('the SQLite highlighter', () => {
  let index: ReturnType<typeof openIndex> | undefined;
  afterEach(() => index?.handle.close());

  it("marks the query's words (stemmed, the last as a prefix) in the title and a snippet of the text", async () => {
    index = openIndex();
    const highlight = createSqliteHighlighter(index.db);
    const rows = await highlight([1, 2], '"payment"*');
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    expect(byId.get(1)).toMatchObject({
      title: '<mark>payments</mark>-gateway',
      text: 'Takes card <mark>payments</mark> for the storefront.',
    });
    expect(byId.get(2)?.text).toBe('Books every <mark>payment</mark> into the general ledger.');
  });

  it('gives each call in flight its own rows and leaves nothing behind', async () => {
    index = openIndex();
    const highlight = createSqliteHighlighter(index.db);
    const [payments, ledger, identity] = await Promise.all([
      highlight([1, 2, 3], '"payments"'),
      highlight([1, 2, 3], '"ledger"'),
      highlight([1, 2, 3], '"identity"'),
    ]);
    expect(payments!.map((row) => Number(row.id)).sort()).toEqual([1, 2]);
    expect(ledger!.map((row) => Number(row.id))).toEqual([2]);
    expect(identity!.map((row) => row.title)).toEqual(['<mark>identity</mark>-broker']);
    expect(index.handle.prepare('select count(*) as n from temp.search_highlight').get()).toEqual({ n: 0 });
  });
});
