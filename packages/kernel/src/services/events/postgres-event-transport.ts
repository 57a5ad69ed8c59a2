import { randomUUID } from 'node:crypto';
import { AtriumError } from '@atrium/errors';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { EventTransport } from './event-transport.js';
import { createPostgresListener } from './postgres-listener.js';
import { serialBatches } from './serial-batches.js';

/** NOTIFY refuses payloads of 8000 bytes or more; larger events go through a table. */
const MAX_NOTIFY_BYTES = 7999;
/** Receivers read a stored event as soon as its notification arrives; older rows are litter. */
const STORED_RETENTION_MS = 5 * 60_000;
const REF = 'ref:';

/** The kernel's table of events too large for a notification. */
export interface EventPayloadsTable {
  atrium_event_payloads: { id: string; message: string; created_at: number };
}

/** Options of {@link createPostgresEventTransport}. */
export interface PostgresEventTransportOptions {
  /** The kernel's database: sends notifications and stores large events. */
  db: Kysely<EventPayloadsTable>;
  /** A new, unconnected client for the listening session. */
  newClient(): pg.Client;
  /** One channel per installation: backends sharing the database prefix share it. */
  channel: string;
  logger: LoggerService;
}

/**
 * Events through PostgreSQL LISTEN/NOTIFY: one listening session per backend, events sent
 * in ordered batches through the kernel's pool. An event of 8000 bytes or more is stored in
 * `atrium_event_payloads` and its notification carries only its id.
 *
 * @example
 * const transport = createPostgresEventTransport({ db, newClient, channel: 'atrium_events', logger });
 */
export function createPostgresEventTransport(options: PostgresEventTransportOptions): EventTransport {
  const { db, channel, logger } = options;
  let lastPrune = 0;

  async function store(messages: string[]): Promise<string[]> {
    const now = Date.now();
    const rows = messages.map((message) => ({ id: randomUUID(), message, created_at: now }));
    await db.insertInto('atrium_event_payloads').values(rows).execute();
    if (now - lastPrune > STORED_RETENTION_MS / 5) {
      lastPrune = now;
      await db
        .deleteFrom('atrium_event_payloads')
        .where('created_at', '<', now - STORED_RETENTION_MS)
        .execute();
    }
    return rows.map((row) => `${REF}${row.id}`);
  }

  const send = serialBatches<string>(async (messages) => {
    const large = messages.map((message) => Buffer.byteLength(message) > MAX_NOTIFY_BYTES);
    const refs = large.includes(true) ? await store(messages.filter((_, i) => large[i])) : [];
    let nextRef = 0;
    const payloads = messages.map((message, i) => (large[i] ? (refs[nextRef++] as string) : message));
    // unnest yields in array order, so notifications leave in publish order. No two
    // payloads are equal (each carries its sender and number): PostgreSQL would fold equal
    // notifications of one transaction into one.
    await sql`select pg_notify(${channel}, payload) from unnest(${payloads}::text[]) as payload`.execute(db);
  });

  async function resolve(payload: string): Promise<string | undefined> {
    if (!payload.startsWith(REF)) return payload;
    const row = await db
      .selectFrom('atrium_event_payloads')
      .select('message')
      .where('id', '=', payload.slice(REF.length))
      .executeTakeFirst();
    if (!row) logger.warn(`a large event (${payload}) was no longer stored when its notification arrived`);
    return row?.message;
  }

  let onMessage: (message: string) => void = () => undefined;
  // Large events are read back before delivery; the chain keeps every event in sent order.
  let received: Promise<void> = Promise.resolve();
  const listener = createPostgresListener({
    newClient: options.newClient,
    channel,
    logger,
    onNotification(payload) {
      received = received
        .then(() => resolve(payload))
        .then((message) => {
          if (message !== undefined) onMessage(message);
        })
        .catch((error: unknown) =>
          logger.warn('could not read a large event from the database', error as Error),
        );
    },
  });

  return {
    async listen(handler) {
      onMessage = handler;
      await listener.start().catch((error: unknown) => {
        throw new AtriumError(
          kernelErrorCodes.EVENTS_CONNECT_FAILED,
          `could not LISTEN for events on PostgreSQL: ${(error as Error).message}; check backend.database`,
          { cause: error },
        );
      });
    },
    send,
    async close() {
      await listener.close();
      await received;
    },
  };
}
