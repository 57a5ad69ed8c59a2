import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabaseManager, type DatabaseManager } from './create-database-manager.js';
import { databaseConfigSchema } from './database-config.js';
import { createSqliteWorkerPool } from './sqlite-worker-pool.js';

type Db = Kysely<any>;

let manager: DatabaseManager | undefined;

async function fileDatabase(readWorkers = 2) {
  const directory = mkdtempSync(join(tmpdir(), 'atrium-worker-reader-'));
  manager = createDatabaseManager(databaseConfigSchema.parse({ connection: { directory }, readWorkers }));
  const database = manager.forPlugin('notes');
  const db: Db = await database.getClient();
  await sql`create table notes (id integer primary key, text text)`.execute(db);
  await sql`insert into notes (text) values ('first'), ('second')`.execute(db);
  return {
    database,
    db,
    reader: (await database.getWorkerReader()) as Db,
    file: join(directory, 'notes.sqlite'),
  };
}

// A read that keeps SQLite busy for a while (a recursive count), far longer than a timer tick.
const slowCount = (reader: Db) =>
  sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c where i < 3000000)
    select count(*) as n from c`.execute(reader);

afterEach(async () => {
  await manager?.close();
  manager = undefined;
});

describe('getWorkerReader on a SQLite file', () => {
  it('reads the last committed state, including commits made after it started', async () => {
    const { db, reader } = await fileDatabase();
    const before = await reader.selectFrom('notes').select('text').orderBy('id').execute();
    expect(before.map((row) => row.text)).toEqual(['first', 'second']);
    await db.insertInto('notes').values({ text: 'third' }).execute();
    const after = await reader.selectFrom('notes').select('text').orderBy('id').execute();
    expect(after.map((row) => row.text)).toEqual(['first', 'second', 'third']);
  });

  it('runs a long read off the event loop: a timer fires before it answers', async () => {
    const { reader } = await fileDatabase();
    const first = await Promise.race([
      slowCount(reader).then(() => 'query'),
      new Promise((resolve) => setTimeout(() => resolve('timer'), 0)),
    ]);
    expect(first).toBe('timer');
  });

  it('runs reads on several workers at once, and queues past the pool size', async () => {
    const { reader } = await fileDatabase(2);
    const answers = await Promise.all([slowCount(reader), slowCount(reader), slowCount(reader)]);
    expect(answers.map(({ rows }) => rows[0]!.n)).toEqual([3_000_000, 3_000_000, 3_000_000]);
  });

  it('keeps one worker (and its temp tables) for a connection() callback', async () => {
    const { reader } = await fileDatabase(2);
    const texts = await reader.connection().execute(async (connection) => {
      await sql`create temp table picked (text text)`.execute(connection);
      await sql`insert into temp.picked select text from notes where id = 2`.execute(connection);
      return (await sql<{ text: string }>`select text from temp.picked`.execute(connection)).rows;
    });
    expect(texts).toEqual([{ text: 'second' }]);
  });

  it("refuses writes to the plugin's file and keeps SQLite's error codes", async () => {
    const { reader, db } = await fileDatabase();
    await expect(sql`insert into notes (text) values ('lost')`.execute(reader)).rejects.toMatchObject({
      code: 'SQLITE_READONLY',
    });
    await expect(sql`select * from missing`.execute(reader)).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringContaining('no such table: missing'),
    });
    // The failed statements left the worker usable and wrote nothing.
    expect((await reader.selectFrom('notes').select('text').execute()).length).toBe(2);
    expect((await db.selectFrom('notes').select('text').execute()).length).toBe(2);
  });

  it('fails a read in flight when the manager closes, rather than leaving it hanging', async () => {
    const { reader } = await fileDatabase();
    const inFlight = slowCount(reader);
    // Let the statement reach its worker before closing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await manager!.close();
    manager = undefined;
    await expect(inFlight).rejects.toThrow(/a read worker of 'notes' stopped/);
    await expect(reader.selectFrom('notes').selectAll().execute()).rejects.toThrow(/destroyed/);
  });
});

describe('the worker pool', () => {
  it('fails a statement sent to a worker that has stopped, rather than leaving it hanging', async () => {
    const { file } = await fileDatabase();
    const pool = createSqliteWorkerPool(file, 1, "'notes'");
    const worker = await pool.acquire();
    expect((await worker.run('select count(*) as n from notes', [])).rows).toEqual([{ n: 2 }]);
    await pool.destroy();
    await expect(worker.run('select count(*) as n from notes', [])).rejects.toThrow(
      /read worker of 'notes' stopped/,
    );
    await expect(pool.acquire()).rejects.toThrow(/read workers of 'notes' are closed/);
  });
});

describe('getWorkerReader elsewhere', () => {
  it('is the write connection on in-memory SQLite, so it sees that connection’s tables', async () => {
    manager = createDatabaseManager(databaseConfigSchema.parse({ connection: ':memory:' }));
    const database = manager.forPlugin('notes');
    const db: Db = await database.getClient();
    await sql`create table notes (id integer primary key)`.execute(db);
    expect(await database.getWorkerReader()).toBe(db);
  });
});
