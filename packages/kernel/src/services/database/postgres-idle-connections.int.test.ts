import { createTestDatabase, startTestBackend } from '@atrium/test-kit';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import { postgresPoolConfig } from './create-database-manager.js';
import { databaseConfigSchema } from './database-config.js';
import type { DatabaseService } from './database-service.js';

function holderPlugin(sink: { db?: DatabaseService }) {
  return definePlugin({
    id: 'holder',
    deps: { db: coreServices.database },
    init({ deps }) {
      sink.db = deps.db;
    },
  });
}

// The server process ids of `count` sessions the pool opened at once (each busy while the others start).
async function openSessions(db: Kysely<unknown>, count: number): Promise<number[]> {
  const pids = await Promise.all(
    Array.from({ length: count }, async () => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(db);
      return rows[0]!.pid;
    }),
  );
  return [...new Set(pids)];
}

async function stillOpen(db: Kysely<unknown>, pids: number[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
    where pid in (${sql.join(pids)})`.execute(db);
  return rows[0]!.n;
}

describe('PostgreSQL pools when idle', () => {
  it('keep pool.min sessions open and close the rest after idleTimeoutMillis', async () => {
    const database = await createTestDatabase('postgres');
    const sink: { db?: DatabaseService } = {};
    const backend = await startTestBackend({
      features: [holderPlugin(sink)],
      config: {
        backend: { database: { ...database.config, pool: { min: 1, max: 4, idleTimeoutMillis: 100 } } },
      },
    });
    try {
      const plugin = await sink.db!.getClient();
      const heavy = await sink.db!.getWorkerReader();
      // Each pool is counted through the other, so the count opens no session of its own.
      for (const [pool, other] of [
        [plugin, heavy],
        [heavy, plugin],
      ] as const) {
        const pids = await openSessions(pool, 4);
        expect(pids).toHaveLength(4);
        await new Promise((resolve) => setTimeout(resolve, 600));
        expect(await stillOpen(other, pids)).toBe(1);
      }
    } finally {
      await backend.stop();
      await database.cleanup();
    }
  });

  it('keep 2 by default, or pool.max if lower, and refuse a pool.min above pool.max', () => {
    const poolOf = (config: unknown) => postgresPoolConfig(databaseConfigSchema.parse(config), 's', pg.types);
    expect(poolOf({})).toMatchObject({ min: 2, max: 10, idleTimeoutMillis: 10_000 });
    expect(poolOf({ pool: { max: 1 } })).toMatchObject({ min: 1, max: 1 });
    expect(() => databaseConfigSchema.parse({ pool: { min: 5, max: 4 } })).toThrow(
      /must not be above pool.max/,
    );
  });
});
