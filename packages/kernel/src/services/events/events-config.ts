import { z } from 'zod';
import type { DatabaseConfig } from '../database/database-config.js';

/**
 * `backend.events`: how events reach the other backends of an installation. `auto` takes
 * Redis when `redis.connection` is set, else PostgreSQL LISTEN/NOTIFY when the database is
 * PostgreSQL, else stays in-process (SQLite serves one backend). `redis` without its own
 * connection reuses `backend.cache.connection`.
 */
export const eventsConfigSchema = z
  .object({
    transport: z.enum(['auto', 'memory', 'postgres', 'redis']).default('auto'),
    redis: z
      .object({
        connection: z.string().meta({ visibility: 'secret' }).optional(),
        /** Backends publishing on the same channel share their events. */
        channel: z.string().min(1).default('atrium:events'),
      })
      .prefault({}),
  })
  .prefault({});

/** Parsed `backend.events`. */
export type EventsConfig = z.output<typeof eventsConfigSchema>;

/** The transport a backend uses, resolved from its config. */
export type EventTransportChoice =
  | { kind: 'memory' }
  | { kind: 'postgres'; channel: string }
  | { kind: 'redis'; connection: string; channel: string };

/**
 * Picks the transport; a string is the reason the config cannot work (checked with the
 * rest of `backend`, so `atrium config check` reports it).
 *
 * @example
 * chooseEventTransport({ events, database, cache }); // { kind: 'postgres', channel: 'atrium_events' }
 */
export function chooseEventTransport(config: {
  events: EventsConfig;
  database: DatabaseConfig;
  cache: { store: string; connection?: string };
}): EventTransportChoice | string {
  const { events, database, cache } = config;
  const redisConnection = events.redis.connection ?? (cache.store === 'redis' ? cache.connection : undefined);
  const postgres = database.client === 'pg';
  const transport =
    events.transport !== 'auto'
      ? events.transport
      : events.redis.connection
        ? 'redis'
        : postgres
          ? 'postgres'
          : 'memory';
  if (transport === 'postgres') {
    if (!postgres) return "backend.events.transport is 'postgres' but backend.database.client is not 'pg'";
    // The prefix names the installation: backends sharing it share their events.
    return { kind: 'postgres', channel: `${database.prefix}events` };
  }
  if (transport === 'redis') {
    if (!redisConnection)
      return "backend.events.transport is 'redis' but neither backend.events.redis.connection nor a Redis backend.cache is configured";
    return { kind: 'redis', connection: redisConnection, channel: events.redis.channel };
  }
  return { kind: 'memory' };
}
