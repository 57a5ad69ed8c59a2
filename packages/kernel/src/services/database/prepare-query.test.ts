import { isAtriumError } from '@atrium/errors';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareQuery } from './prepare-query.js';

describe('prepareQuery', () => {
  const open: Kysely<unknown>[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.destroy();
  });
  const sqlite = async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    open.push(db);
    await sql`CREATE TABLE t (id integer, name text, kind text)`.execute(db);
    await sql`INSERT INTO t VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'b', 'y')`.execute(db);
    return db;
  };

  it('binds new values to the SQL compiled once, keeping the constants of the template', async () => {
    const db = await sqlite();
    const query = prepareQuery(
      db,
      (name: string, id: number) =>
        sql<{
          id: number;
        }>`SELECT id FROM t WHERE name = ${name} AND kind = ${'x'} AND id >= ${id} ORDER BY id`,
    );
    const first = query('b', 0);
    const second = query('a', 1);
    expect(second.sql).toBe(first.sql);
    expect(first.parameters).toEqual(['b', 'x', 0]);
    expect((await db.executeQuery(first)).rows).toEqual([{ id: 2 }]);
    expect((await db.executeQuery(second)).rows).toEqual([{ id: 1 }]);
    expect((await db.executeQuery(query('b', 3))).rows).toEqual([]);
  });

  it('binds a value used twice at both places, and prepares a query without values', async () => {
    const db = await sqlite();
    const twice = prepareQuery(
      db,
      (name: string) =>
        sql<{ n: number }>`SELECT count(*) AS n FROM t WHERE name = ${name} OR kind = ${name}`,
    );
    expect(twice('y').parameters).toEqual(['y', 'y']);
    expect((await db.executeQuery(twice('y'))).rows).toEqual([{ n: 1 }]);
    const none = prepareQuery(db, () => sql<{ n: number }>`SELECT count(*) AS n FROM t`);
    expect((await db.executeQuery(none())).rows).toEqual([{ n: 3 }]);
  });

  it('numbers the parameters of the dialect it compiled for (PostgreSQL, compiled without connecting)', () => {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: {} as pg.Pool }) });
    const query = prepareQuery(db, (a: string, b: string) => sql`SELECT ${b}::text, ${a}::text`);
    expect(query('one', 'two')).toMatchObject({
      sql: 'SELECT $1::text, $2::text',
      parameters: ['two', 'one'],
    });
  });

  it('refuses a value that is not bound as a parameter, naming it and the query', async () => {
    const db = await sqlite();
    const error = (() => {
      try {
        prepareQuery(db, (_name: string, id: number) => sql`SELECT name FROM t WHERE id = ${id}`);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isAtriumError(error) && error.code).toBe('DATABASE_QUERY_INVALID');
    expect((error as Error).message).toContain('value 1 of "SELECT name FROM t WHERE id = ?"');
    // A value turned into something else is not bound either.
    expect(() =>
      prepareQuery(db, (name: string) => sql`SELECT id FROM t WHERE name = ${JSON.stringify(name)}`),
    ).toThrow(/value 1 of/);
    // Computing with a value (here, as a string) cannot be prepared either.
    expect(() =>
      prepareQuery(db, (name: string) => sql`SELECT id FROM t WHERE name = ${name.toLowerCase()}`),
    ).toThrow();
  });
});
