import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAtriumError } from '@atrium/errors';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseManager } from './create-database-manager.js';
import { databaseConfigSchema } from './database-config.js';
import { prepareQuery } from './prepare-query.js';
import { createSqliteReadConnection } from './sqlite-read-connection.js';

describe('createSqliteReadConnection', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  function openFile() {
    const directory = mkdtempSync(join(tmpdir(), 'atrium-read-'));
    const writer = new Database(join(directory, 'db.sqlite'));
    writer.pragma('journal_mode = WAL');
    writer.exec(
      "CREATE TABLE t (id integer PRIMARY KEY, name text); INSERT INTO t VALUES (1, 'a'), (2, 'b')",
    );
    const connection = createSqliteReadConnection(
      new Database(join(directory, 'db.sqlite'), { readonly: true, fileMustExist: true }),
    );
    cleanups.push(() => {
      void connection.kysely.destroy();
      writer.close();
      rmSync(directory, { recursive: true, force: true });
    });
    return { writer, ...connection };
  }

  it('reads the last committed rows, prepared once, and sees later commits', async () => {
    const { writer, kysely, read } = openFile();
    const byName = prepareQuery(
      kysely,
      (name: string) => sql<{ id: number }>`SELECT id FROM t WHERE name = ${name}`,
    );
    expect(await read(byName('b'))).toEqual([{ id: 2 }]);
    writer.exec("INSERT INTO t VALUES (3, 'b')");
    expect(await read(byName('b'))).toEqual([{ id: 2 }, { id: 3 }]);
    expect(await read(byName('z'))).toEqual([]);
  });

  it('refuses a statement that writes, naming it', async () => {
    const { kysely, read } = openFile();
    const error = await read(sql`DELETE FROM t`.compile(kysely)).catch((caught: unknown) => caught);
    expect(isAtriumError(error) && error.code).toBe('DATABASE_QUERY_INVALID');
    expect((error as Error).message).toContain('"DELETE FROM t"');
  });

  it('waits for a transaction Kysely holds on the connection instead of running inside it', async () => {
    const { writer, kysely, read } = openFile();
    const count = sql<{ n: number }>`SELECT count(*) AS n FROM t`.compile(kysely);
    let seen: unknown;
    let reading: Promise<void> | undefined;
    await kysely.transaction().execute(async (trx) => {
      // The transaction's snapshot starts here: 2 rows.
      expect((await trx.executeQuery(count)).rows).toEqual([{ n: 2 }]);
      writer.exec("INSERT INTO t VALUES (3, 'c')");
      reading = read(count).then((rows) => {
        seen = rows;
      });
      await new Promise((resolve) => setImmediate(resolve));
      // Queued behind the transaction, not answered from its snapshot.
      expect(seen).toBeUndefined();
      expect((await trx.executeQuery(count)).rows).toEqual([{ n: 2 }]);
    });
    await reading;
    expect(seen).toEqual([{ n: 3 }]);
  });

  it('is the database service read on a SQLite file, and the write connection in memory', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'atrium-read-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    for (const connection of [{ directory }, ':memory:'] as const) {
      const manager = createDatabaseManager(
        databaseConfigSchema.parse({ client: 'better-sqlite3', connection }),
      );
      const service = manager.forPlugin('p');
      await service.transaction(async (trx) => {
        await sql`CREATE TABLE t (id integer)`.execute(trx);
        await sql`INSERT INTO t VALUES (7)`.execute(trx);
      });
      const reader = await service.getReader();
      expect(reader === (await service.getClient())).toBe(connection === ':memory:');
      expect(await service.read(sql<{ id: number }>`SELECT id FROM t`.compile(reader))).toEqual([{ id: 7 }]);
      await manager.close();
    }
  });
});
