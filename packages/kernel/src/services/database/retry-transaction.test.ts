import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAtriumError } from '@atrium/errors';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabaseManager, type DatabaseManager } from './create-database-manager.js';
import { databaseConfigSchema } from './database-config.js';
import { isTransientDatabaseError } from './retry-transaction.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('database service on a SQLite file', () => {
  let directory: string;
  let manager: DatabaseManager;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'atrium-db-'));
    manager = createDatabaseManager(databaseConfigSchema.parse({ connection: { directory } }));
  });
  afterEach(async () => {
    await manager.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads through its own read-only connection while a write transaction is open', async () => {
    const service = manager.forPlugin('demo');
    const db = await service.getClient();
    await sql`CREATE TABLE t (id INTEGER)`.execute(db);
    await sql`INSERT INTO t VALUES (1)`.execute(db);
    const reader = await service.getReader();
    expect(reader).not.toBe(db);
    const seen = await service.transaction(async (trx) => {
      await sql`INSERT INTO t VALUES (2)`.execute(trx);
      // The writer holds its only connection for the transaction: a read through it would
      // deadlock here; the reader sees the last committed state at once.
      return (await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(reader)).rows[0]?.n;
    });
    expect(seen).toBe(1);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(reader)).rows[0]?.n).toBe(2);
    await expect(sql`INSERT INTO t VALUES (3)`.execute(reader)).rejects.toMatchObject({
      code: 'SQLITE_READONLY',
    });
  });

  it('retries a transaction that met a busy database, rolling back each failed attempt', async () => {
    const service = manager.forPlugin('demo');
    await sql`CREATE TABLE t (id INTEGER)`.execute(await service.getClient());
    let attempts = 0;
    await service.transaction(async (trx) => {
      attempts++;
      await sql`INSERT INTO t VALUES (${attempts})`.execute(trx);
      if (attempts < 3) throw busy();
    });
    expect(attempts).toBe(3);
    const rows = await sql<{ id: number }>`SELECT id FROM t`.execute(await service.getReader());
    expect(rows.rows).toEqual([{ id: 3 }]);
  });

  it('gives up with DATABASE_TRANSACTION_CONFLICT naming the plugin when attempts run out', async () => {
    const service = manager.forPlugin('demo');
    let attempts = 0;
    const error = await service
      .transaction(
        async () => {
          attempts++;
          throw busy();
        },
        { attempts: 2 },
      )
      .catch((e: unknown) => e);
    expect(attempts).toBe(2);
    expect(isAtriumError(error) && error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((error as Error).message).toContain("'demo'");
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_BUSY' });
  });

  it('does not retry other errors, unless the caller names them retryable', async () => {
    const service = manager.forPlugin('demo');
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw Object.assign(new Error('duplicate'), { code: '23505' });
    };
    await expect(service.transaction(failing)).rejects.toThrow('duplicate');
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(
      service.transaction(failing, {
        attempts: 3,
        isRetryable: (e) => (e as { code?: string }).code === '23505',
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(attempts).toBe(3);
  });

  it('meets a real SQLITE_BUSY when another process holds the write lock, and retries it', async () => {
    const service = manager.forPlugin('demo');
    const db = await service.getClient();
    await sql`CREATE TABLE t (id INTEGER)`.execute(db);
    await sql`PRAGMA busy_timeout = 0`.execute(db);
    const other = new Database(join(directory, 'demo.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    let attempts = 0;
    try {
      await service.transaction(async (trx) => {
        attempts++;
        if (attempts === 2) other.exec('COMMIT');
        await sql`INSERT INTO t VALUES (1)`.execute(trx);
      });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    expect(attempts).toBe(2);
  });
});

describe('isTransientDatabaseError', () => {
  it('knows SQLite busy/locked and PostgreSQL serialization and deadlock codes', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40001', '40P01'])
      expect(isTransientDatabaseError({ code })).toBe(true);
    for (const error of [{ code: '23505' }, { code: 'SQLITE_CONSTRAINT' }, new Error('x'), undefined])
      expect(isTransientDatabaseError(error)).toBe(false);
  });
});
