import { createTestDatabase, type TestDatabase } from '@atrium/test-kit';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabaseManager, type DatabaseManager } from './create-database-manager.js';
import { databaseConfigSchema } from './database-config.js';
import { prepareQuery } from './prepare-query.js';

describe('database service transactions on PostgreSQL', () => {
  let database: TestDatabase;
  let manager: DatabaseManager;
  beforeEach(async () => {
    database = await createTestDatabase('postgres');
    manager = createDatabaseManager(databaseConfigSchema.parse(database.config));
  });
  afterEach(async () => {
    await manager.close();
    await database.cleanup();
  });

  it('reads through the same pool, and retries a real serialization failure until it commits', async () => {
    const service = manager.forPlugin('demo');
    const db = await service.getClient();
    expect(await service.getReader()).toBe(db);
    await sql`CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL)`.execute(db);
    await sql`INSERT INTO counter VALUES (1, 0)`.execute(db);
    // read() and prepared queries run on the pool too, with PostgreSQL's $n parameters.
    const byId = prepareQuery(db, (id: number) => sql<{ n: number }>`SELECT n FROM counter WHERE id = ${id}`);
    expect(await service.read(byId(1))).toEqual([{ n: 0 }]);
    expect(await service.read(byId(2))).toEqual([]);

    // Two serializable read-modify-write transactions overlap: the second to commit fails
    // with 40001 and must rerun to see the first's write.
    let attempts = 0;
    let releaseFirst: () => void = () => undefined;
    const firstRead = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const increment = (onRead: () => Promise<void>) =>
      service.transaction(
        async (trx) => {
          attempts++;
          const { rows } = await sql<{ n: number }>`SELECT n FROM counter WHERE id = 1`.execute(trx);
          await onRead();
          await sql`UPDATE counter SET n = ${(rows[0]?.n ?? 0) + 1} WHERE id = 1`.execute(trx);
        },
        { isolation: 'serializable' },
      );
    const first = increment(() => firstRead);
    const second = increment(async () => {
      releaseFirst();
    });
    await Promise.all([first, second]);
    const { rows } = await sql<{ n: number }>`SELECT n FROM counter WHERE id = 1`.execute(db);
    expect(rows[0]?.n).toBe(2);
    // Three runs in all: one of the two failed once and ran again.
    expect(attempts).toBe(3);
  });
});
