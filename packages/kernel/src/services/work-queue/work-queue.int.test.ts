import {
  type CapturedLog,
  createCaptureLogger,
  createTestDatabase,
  type TestDatabase,
} from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseManager, type DatabaseManager } from '../database/create-database-manager.js';
import { databaseConfigSchema } from '../database/database-config.js';
import { createRootMetrics } from '../metrics/metrics-service.js';
import { createTableSource } from './create-table-source.js';
import { createWorkQueue } from './create-work-queue.js';
import { createWorkQueueMetrics } from './work-queue-metrics.js';

const ITEMS = 300;

describe('work queue on PostgreSQL, two backends', () => {
  let database: TestDatabase;
  const managers: DatabaseManager[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++)
      managers.push(createDatabaseManager(databaseConfigSchema.parse(database.config)));
    const db = await managers[0]!.forPlugin('jobs').getClient();
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('due_at', 'bigint')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'bigint')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  });
  afterAll(async () => {
    await Promise.all(managers.map((manager) => manager.close()));
    await database.cleanup();
  });

  async function fill() {
    const db = await managers[0]!.forPlugin('jobs').getClient();
    await db.deleteFrom('jobs').execute();
    await db
      .insertInto('jobs')
      .values(Array.from({ length: ITEMS }, (_, i) => ({ id: i + 1, due_at: 0, attempts: 0 })))
      .execute();
  }

  it('concurrent claims never hand one row to both backends', async () => {
    await fill();
    const sources = await Promise.all(
      managers.map(async (manager) =>
        createTableSource({
          db: await manager.forPlugin('jobs').getClient(),
          dialect: 'postgres',
          table: 'jobs',
        }),
      ),
    );
    const claimed = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const now = Date.now();
        const { items } = await sources[i % 2]!.claim({
          owner: `backend-${i % 2}`,
          limit: 25,
          now,
          leaseExpiresAt: now + 60_000,
        });
        return items.map((item) => Number(item.id));
      }),
    );
    const ids = claimed.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(ITEMS);
  });

  it('two running queues handle every item exactly once', async () => {
    await fill();
    const handled: number[] = [];
    const logs: CapturedLog[] = [];
    const queues = await Promise.all(
      managers.map(async (manager, i) => {
        const db = await manager.forPlugin('jobs').getClient();
        return createWorkQueue(
          {
            name: 'jobs',
            source: { db, dialect: 'postgres', table: 'jobs' },
            batchSize: 16,
            concurrency: 4,
            pollMs: 20,
            handle: async (item) => {
              handled.push(Number(item.id));
              await new Promise((resolve) => setTimeout(resolve, 1));
            },
          },
          {
            owner: `backend-${i}`,
            logger: createCaptureLogger(logs),
            metrics: createWorkQueueMetrics(createRootMetrics().forPlugin('jobs')),
          },
        );
      }),
    );
    for (const queue of queues) queue.start();
    const deadline = Date.now() + 20_000;
    while (handled.length < ITEMS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(queues.map((queue) => queue.stop(2000)));
    expect(logs.filter((log) => log.level !== 'debug')).toEqual([]);
    expect(handled.length).toBe(ITEMS);
    expect(new Set(handled).size).toBe(ITEMS);
  });
});
