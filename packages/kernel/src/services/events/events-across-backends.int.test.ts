import { randomBytes } from 'node:crypto';
import {
  type CaptureLogger,
  createCaptureLogger,
  createTestDatabase,
  startTestBackend,
  TEST_POSTGRES_URL,
  type TestBackend,
  type TestDatabase,
} from '@atrium/test-kit';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { instanceIdRef } from '../../boot/internal-services.js';
import { definePlugin } from '../../definitions/define-plugin.js';
import type { JsonObject } from '../config/config-reader.js';
import { coreServices } from '../core-services.js';
import type { EventParams, EventsService } from './events-service.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const EVENTS_PER_BACKEND = 40;

/** One backend of the pair: its bus, what its subscriber saw, and its listening connection's name. */
interface Node {
  backend: TestBackend;
  logger: CaptureLogger;
  events: EventsService;
  seen: EventParams[];
  clientName: string;
}

async function startNode(database: TestDatabase, eventsConfig: JsonObject): Promise<Node> {
  const seen: EventParams[] = [];
  let events: EventsService | undefined;
  let instanceId = '';
  const probe = definePlugin({
    id: 'probe',
    deps: { events: coreServices.events, instanceId: instanceIdRef },
    async init({ deps }) {
      events = deps.events;
      instanceId = deps.instanceId;
      await deps.events.subscribe({
        id: 'probe',
        topics: ['test.a', 'test.b'],
        onEvent: (e) => void seen.push(e),
      });
    },
  });
  const logger = createCaptureLogger();
  const backend = await startTestBackend({
    logger,
    features: [probe],
    config: { backend: { database: database.config, events: eventsConfig } },
  });
  return {
    backend,
    logger,
    events: events as EventsService,
    seen,
    clientName: `atrium-events-${instanceId}`,
  };
}

const poll = { timeout: 15_000, interval: 25 };

const keys = (node: Node, from: string) =>
  node.seen
    .filter((e) => (e.eventPayload as { from?: string }).from === from)
    .map((e) => (e.eventPayload as { n: number }).n);

/**
 * Waits until both backends have received everything sent before: A sees B's marker only
 * after B saw A's, and each transport delivers in send order, so by then every earlier event
 * reached both (and was dropped, or delivered a second time).
 */
async function settle(a: Node, b: Node, round: string) {
  const sync = `${round}sync`;
  await a.events.publish({ topic: 'test.a', eventPayload: { from: sync, n: 0 } });
  await vi.waitFor(() => expect(keys(b, sync), "a's marker on b").toContain(0), poll);
  await b.events.publish({ topic: 'test.b', eventPayload: { from: sync, n: 1 } });
  await vi.waitFor(() => expect(keys(a, sync), "b's marker on a").toContain(1), poll);
}

/** Both backends publish at once; each subscriber must see every event once, in each sender's order. */
async function exchange(a: Node, b: Node, round: string) {
  const payload = (from: string, n: number) => ({ from: `${round}${from}`, n });
  await Promise.all(
    Array.from({ length: EVENTS_PER_BACKEND }, (_, n) => [
      a.events.publish({ topic: 'test.a', eventPayload: payload('a', n) }),
      b.events.publish({ topic: 'test.b', eventPayload: payload('b', n), metadata: { n: String(n) } }),
    ]).flat(),
  );
  await settle(a, b, round);
  const expected = Array.from({ length: EVENTS_PER_BACKEND }, (_, n) => n);
  for (const node of [a, b]) {
    expect(keys(node, `${round}a`)).toEqual(expected);
    expect(keys(node, `${round}b`)).toEqual(expected);
  }
  const fromB = a.seen.find((e) => (e.eventPayload as { from: string }).from === `${round}b`);
  expect(fromB).toMatchObject({ topic: 'test.b', metadata: { n: '0' } });
}

describe.each(['postgres', 'redis'])('events across two backends (%s)', (transport) => {
  let database: TestDatabase;
  let a: Node;
  let b: Node;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // PostgreSQL is the default; Redis on a channel of this test's own (tests share the server).
    const channel = `test:${randomBytes(6).toString('hex')}`;
    const eventsConfig: JsonObject =
      transport === 'redis' ? { transport: 'redis', redis: { connection: REDIS_URL, channel } } : {};
    [a, b] = await Promise.all([startNode(database, eventsConfig), startNode(database, eventsConfig)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled([a?.backend.stop(), b?.backend.stop()]);
    await database?.cleanup();
  });

  it('delivers every event to every subscriber on every backend once, in order', async () => {
    await exchange(a, b, 'first');
  });

  it('carries events larger than a PostgreSQL notification', async () => {
    const text = 'é'.repeat(20_000);
    await a.events.publish({ topic: 'test.a', eventPayload: { from: 'large', n: 0, text } });
    await settle(a, b, 'large');
    expect(b.seen.find((e) => (e.eventPayload as { from: string }).from === 'large')?.eventPayload).toEqual({
      from: 'large',
      n: 0,
      text,
    });
    expect(keys(a, 'large')).toEqual([0]);
    expect(keys(b, 'large')).toEqual([0]);
  });

  it('reconnects when the listening connection is lost, and delivers again', async () => {
    await killListener(transport, b.clientName);
    const messages = () => b.logger.lines.map((l) => l.message);
    await vi.waitFor(
      () =>
        expect(messages()).toContainEqual(
          expect.stringContaining('receives events from other backends; reconnecting'),
        ),
      poll,
    );
    // Events sent while B is away are lost; probe until one arrives, then all must.
    let n = 0;
    await vi.waitFor(async () => {
      await a.events.publish({ topic: 'test.a', eventPayload: { from: 'probe', n: n++ } });
      expect(keys(b, 'probe'), 'backend b receives events again').not.toEqual([]);
    }, poll);
    await exchange(a, b, 'after');
  });
});

/** Ends a backend's listening connection from the server side, as a failover or restart would. */
async function killListener(transport: string, clientName: string): Promise<void> {
  if (transport === 'postgres') {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ ended: boolean }>(
        'select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1',
        [clientName],
      );
      expect(rows).toEqual([{ ended: true }]);
    } finally {
      await client.end();
    }
    return;
  }
  const redis = new Redis(REDIS_URL);
  try {
    const clients = String(await redis.call('CLIENT', 'LIST'));
    const id = /id=(\d+) .*name=(\S+)/g;
    const ids = [...clients.matchAll(id)].filter((m) => m[2] === clientName).map((m) => m[1] as string);
    expect(ids).toHaveLength(1);
    await redis.call('CLIENT', 'KILL', 'ID', ids[0] as string);
  } finally {
    redis.disconnect();
  }
}
