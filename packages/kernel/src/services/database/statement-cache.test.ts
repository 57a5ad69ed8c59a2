import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createStatementCache } from './statement-cache.js';

describe('createStatementCache', () => {
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });
  const handle = () => {
    const db = new Database(':memory:');
    open.push(db);
    return db;
  };

  it('prepares a SQL text once and hands back the same statement', () => {
    const cache = createStatementCache(handle());
    const first = cache.prepare('SELECT 1 AS one');
    expect(cache.prepare('SELECT 1 AS one')).toBe(first);
    expect(cache.prepare('SELECT 2 AS two')).not.toBe(first);
  });

  it('drops the least recently used statement when full', () => {
    const cache = createStatementCache(handle(), 2);
    const a = cache.prepare('SELECT 1');
    const b = cache.prepare('SELECT 2');
    expect(cache.prepare('SELECT 1')).toBe(a); // a is now the most recent
    cache.prepare('SELECT 3'); // evicts b
    expect(cache.prepare('SELECT 1')).toBe(a);
    expect(cache.prepare('SELECT 2')).not.toBe(b);
  });

  it('does not keep very long statements', () => {
    const cache = createStatementCache(handle());
    const text = `SELECT 1 WHERE 1 IN (${Array.from({ length: 3000 }, (_, i) => i).join(', ')})`;
    expect(cache.prepare(text)).not.toBe(cache.prepare(text));
  });

  it('serves Kysely queries with reused statements, and stays correct across schema changes', async () => {
    const db = new Kysely<{ t: { id: number } }>({
      dialect: new SqliteDialect({ database: createStatementCache(handle()) }),
    });
    await sql`CREATE TABLE t (id INTEGER)`.execute(db);
    await db.insertInto('t').values({ id: 1 }).execute();
    await db.insertInto('t').values({ id: 2 }).execute();
    const count = () => sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db);
    expect((await count()).rows).toEqual([{ n: 2 }]);
    await sql`ALTER TABLE t ADD COLUMN name TEXT`.execute(db);
    await db.insertInto('t').values({ id: 3 }).execute();
    expect((await count()).rows).toEqual([{ n: 3 }]);
    await db.destroy();
  });
});
