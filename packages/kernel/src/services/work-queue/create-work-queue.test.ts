import { type CapturedLog, createCaptureLogger } from '@atrium/test-kit';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabaseManager, type DatabaseManager } from '../database/create-database-manager.js';
import { databaseConfigSchema } from '../database/database-config.js';
import { createRootMetrics, type RootMetrics } from '../metrics/metrics-service.js';
import { createTableSource } from './create-table-source.js';
import { createWorkQueue } from './create-work-queue.js';
import { createWorkQueueMetrics } from './work-queue-metrics.js';
import type { WorkQueue, WorkQueueDefinition, WorkQueueTable } from './work-queue-service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const poll = { timeout: 5000, interval: 10 };
const firstJob = (table: { db: Kysely<{ jobs: Job }> }) =>
  table.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();

let manager: DatabaseManager | undefined;
const queues: WorkQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop(1000)));
  await manager?.close();
  manager = undefined;
});

interface Job {
  id: number;
  name: string;
  due_at: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  attempts: number;
  last_error: string | null;
}

async function jobsTable(
  names: string[],
  dueAt = 0,
): Promise<WorkQueueTable & { db: Kysely<{ jobs: Job }> }> {
  manager = createDatabaseManager(
    databaseConfigSchema.parse({ client: 'better-sqlite3', connection: ':memory:' }),
  );
  const db = await manager.forPlugin('jobs').getClient<{ jobs: Job }>();
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  if (names.length > 0)
    await db
      .insertInto('jobs')
      .values(names.map((name, i) => ({ id: i + 1, name, due_at: dueAt, attempts: 0 })))
      .execute();
  return { db, dialect: 'sqlite', table: 'jobs', select: ['name'], columns: { lastError: 'last_error' } };
}

function start(
  definition: WorkQueueDefinition<Record<string, unknown>>,
  owner = 'backend-1',
  root: RootMetrics = createRootMetrics(),
) {
  const metrics = createWorkQueueMetrics(root.forPlugin('jobs'));
  const queue = createWorkQueue(definition, { owner, logger: createCaptureLogger(), metrics });
  queues.push(queue);
  queue.start();
  return { queue, root };
}

async function metric(root: RootMetrics, name: string): Promise<number> {
  const values = (await root.registry.getSingleMetric(`atrium_jobs_${name}`)?.get())?.values ?? [];
  return values.find((v) => v.labels.queue === 'jobs')?.value ?? 0;
}

describe('work queue over a SQLite table', () => {
  it('claims a batch once, runs every item, and counts them', async () => {
    const table = await jobsTable(['a', 'b', 'c', 'd', 'e']);
    const seen: string[] = [];
    const { root } = start({
      name: 'jobs',
      source: table,
      batchSize: 3,
      concurrency: 2,
      handle: async (item) => void seen.push(item.data.name as string),
    });
    await vi.waitFor(() => expect(seen).toHaveLength(5), poll);
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    await vi.waitFor(async () => expect(await metric(root, 'work_items_processed_total')).toBe(5), poll);
    const rows = await table.db.selectFrom('jobs').selectAll().execute();
    expect(rows.every((row) => row.due_at === null && row.lease_owner === null && row.attempts === 0)).toBe(
      true,
    );
  });

  it('backs off a failing item with its attempts and records the error', async () => {
    const table = await jobsTable(['flaky']);
    let calls = 0;
    const { root } = start({
      name: 'jobs',
      source: table,
      pollMs: 20,
      retryAt: (item, _error, now) => (item.attempts < 3 ? now + 10 * item.attempts : null),
      handle: async () => {
        calls++;
        throw new Error(`broken #${calls}`);
      },
    });
    // Three attempts, then no retry.
    await vi.waitFor(
      async () => expect(await firstJob(table)).toMatchObject({ due_at: null, attempts: 3 }),
      poll,
    );
    const row = await table.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.last_error).toBe('broken #3');
    expect(calls).toBe(3);
    expect(await metric(root, 'work_items_failed_total')).toBe(3);
  });

  it('counts a failure the handler reported itself, without logging it, and retries it when asked', async () => {
    const table = await jobsTable(['reported']);
    const logs: CapturedLog[] = [];
    const root = createRootMetrics();
    const retryAt = Date.now() + 60_000;
    const queue = createWorkQueue<Record<string, unknown>>(
      {
        name: 'jobs',
        source: table,
        handle: async () => ({ failure: new Error('bad input'), dueAt: retryAt }),
      },
      {
        owner: 'b1',
        logger: createCaptureLogger(logs),
        metrics: createWorkQueueMetrics(root.forPlugin('jobs')),
      },
    );
    queues.push(queue);
    queue.start();
    await vi.waitFor(async () => expect(await metric(root, 'work_items_failed_total')).toBe(1), poll);
    await vi.waitFor(async () => expect((await firstJob(table)).due_at).toBe(retryAt), poll);
    const row = await table.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.last_error).toBe('bad input');
    expect(logs.filter((log) => log.level === 'warn' || log.level === 'error')).toEqual([]);
  });

  it('takes over an expired lease and counts the expiry', async () => {
    const table = await jobsTable(['orphan']);
    await table.db
      .updateTable('jobs')
      .set({ lease_owner: 'crashed', lease_expires_at: Date.now() + 300 })
      .execute();
    const seen: string[] = [];
    const { root } = start({
      name: 'jobs',
      source: table,
      pollMs: 20,
      handle: async (item) => void seen.push(item.data.name as string),
    });
    await sleep(150);
    expect(seen).toEqual([]);
    await vi.waitFor(() => expect(seen).toEqual(['orphan']), poll);
    expect(await metric(root, 'work_lease_expiries_total')).toBe(1);
  });

  it('extends the lease while an item runs, and aborts it when the lease is lost', async () => {
    const table = await jobsTable(['slow']);
    let aborted: unknown;
    start({
      name: 'jobs',
      source: table,
      leaseMs: 200,
      heartbeatMs: 30,
      handle: (_item, signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = signal.reason;
            resolve();
          });
        }),
    });
    await vi.waitFor(async () => expect((await firstJob(table)).lease_owner).not.toBeNull(), poll);
    const first = (await table.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()).lease_expires_at!;
    await sleep(400);
    const later = await table.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(later.lease_owner).toBe('backend-1');
    expect(later.lease_expires_at!).toBeGreaterThan(first);
    expect(aborted).toBeUndefined();
    // Another backend took the row over: the next heartbeat finds the lease gone.
    await table.db.updateTable('jobs').set({ lease_owner: 'backend-2' }).execute();
    await vi.waitFor(() => expect(aborted).toBeDefined(), poll);
    expect(aborted).toMatchObject({
      code: 'WORK_LEASE_LOST',
      message: expect.stringMatching(/lease of '1' in queue 'jobs' was lost/),
    });
    const row = await table.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.lease_owner).toBe('backend-2');
  });

  it('wakes at once when told there is new work instead of waiting for the poll', async () => {
    const table = await jobsTable([]);
    const seen: string[] = [];
    const { queue } = start({
      name: 'jobs',
      source: table,
      pollMs: 60_000,
      handle: async (item) => void seen.push(item.data.name as string),
    });
    await sleep(50);
    await table.db
      .insertInto('jobs')
      .values({ id: 1, name: 'new', due_at: Date.now(), attempts: 0 })
      .execute();
    queue.wake();
    await vi.waitFor(() => expect(seen).toEqual(['new']), { ...poll, timeout: 2000 });
  });

  it('stops: hands back unstarted items and aborts the running one', async () => {
    const table = await jobsTable(['a', 'b', 'c']);
    const started: string[] = [];
    let reason: unknown;
    const { queue } = start({
      name: 'jobs',
      source: table,
      batchSize: 3,
      concurrency: 1,
      handle: (item, signal) =>
        new Promise<void>((resolve) => {
          started.push(item.data.name as string);
          signal.addEventListener('abort', () => {
            reason = signal.reason;
            resolve();
          });
        }),
    });
    await vi.waitFor(() => expect(started).toHaveLength(1), poll);
    await queue.stop(2000);
    expect(reason).toMatchObject({ code: 'WORK_QUEUE_STOPPED' });
    const rows = await table.db.selectFrom('jobs').selectAll().orderBy('id').execute();
    const unstarted = rows.filter((row) => row.name !== started[0]);
    expect(unstarted.every((row) => row.lease_owner === null && row.attempts === 0 && row.due_at === 0)).toBe(
      true,
    );
    expect(started).toHaveLength(1);
  });

  it('a table source claims only the rows of its filter, and reports the depth', async () => {
    const table = await jobsTable(['mine', 'theirs']);
    const source = createTableSource({ ...table, only: { column: 'name', values: () => ['mine'] } });
    expect(await source.depth?.(Date.now())).toBe(1);
    const now = Date.now();
    const { items } = await source.claim({ owner: 'b1', limit: 10, now, leaseExpiresAt: now + 1000 });
    expect(items.map((item) => [item.data.name, item.attempts])).toEqual([['mine', 1]]);
    expect((await source.claim({ owner: 'b2', limit: 10, now, leaseExpiresAt: now + 1000 })).items).toEqual(
      [],
    );
  });
});
