import { sql } from '@atrium/kernel';
import { startPluginDatabase, testDatabaseVariants } from '@atrium/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { insertRows, insertRowsReturning, updateRows } from './bulk-write.js';
import { createSqlClient, type SqlClient } from './sql-client.js';

describe.each(testDatabaseVariants())('bulk writes on %s', (kind) => {
  const running: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of running.splice(0)) await stop();
  });
  // A real kernel database, as the catalog gets it.
  const open = async (): Promise<SqlClient> => {
    const { service, stop } = await startPluginDatabase(kind, { id: 'bulk' });
    running.push(stop);
    return createSqlClient(service, await service.getClient());
  };
  const edges = {
    table: 'edges',
    columns: ['source', 'target', 'weight'],
    types: ['text', 'text', 'integer'],
  } as const;
  const rows = (count: number) =>
    Array.from({ length: count }, (_, i) => [i % 3 === 0 ? null : `s${i}`, `t${i}`, i]);

  // 10,005 rows take two statements on SQLite (10,000 rows of 3 columns each at most).
  it.each([1, 7, 10_005])('stores exactly %i rows', async (count) => {
    const db = await open();
    await db.run(sql`CREATE TABLE edges (source TEXT, target TEXT NOT NULL, weight INTEGER NOT NULL)`);
    await insertRows(db, edges, rows(count));
    const stored = await db.all(
      sql<{
        source: string | null;
        target: string;
        weight: number;
      }>`SELECT source, target, weight FROM edges ORDER BY weight`,
    );
    expect(stored.map((row) => [row.source, row.target, row.weight])).toEqual(rows(count));
  });

  it('returns the inserted rows only, and applies the conflict clause', async () => {
    const db = await open();
    await db.run(sql`CREATE TABLE edges (source TEXT, target TEXT PRIMARY KEY, weight INTEGER NOT NULL)`);
    await insertRows(db, edges, [['a', 't1', 1]]);
    const returned = await insertRowsReturning<{ target: string }>(
      db,
      edges,
      [
        ['b', 't1', 2],
        ['c', 't2', 3],
        ['d', 't3', 4],
      ],
      sql`ON CONFLICT (target) DO NOTHING RETURNING target`,
    );
    expect(returned.map((row) => row.target).sort()).toEqual(['t2', 't3']);
    expect(await db.all(sql`SELECT source FROM edges ORDER BY target`)).toEqual([
      { source: 'a' },
      { source: 'c' },
      { source: 'd' },
    ]);
  });

  it('updates the keyed rows and no others', async () => {
    const db = await open();
    await db.run(sql`CREATE TABLE edges (source TEXT, target TEXT PRIMARY KEY, weight INTEGER NOT NULL)`);
    await insertRows(db, edges, rows(10));
    await updateRows(
      db,
      { table: 'edges', columns: ['target', 'weight'], types: ['text', 'integer'] },
      [
        ['t1', 100],
        ['t4', 400],
        ['t9', 900],
      ],
      { weight: sql`v.weight` },
    );
    const stored = await db.all(sql<{ weight: number }>`SELECT weight FROM edges ORDER BY target`);
    expect(stored.map((row) => row.weight)).toEqual([0, 100, 2, 3, 400, 5, 6, 7, 8, 900]);
  });
});
