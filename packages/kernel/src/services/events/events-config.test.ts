import { describe, expect, it } from 'vitest';
import { backendConfigSchema } from '../http/http-config.js';
import { chooseEventTransport } from './events-config.js';

const choose = (backend: object) => chooseEventTransport(backendConfigSchema.parse(backend));
const pg = { client: 'pg', connection: 'postgres://db/atrium', prefix: 'prod_' };

describe('backend.events', () => {
  it('shares events through the database or Redis by default, and stays in-process on SQLite', () => {
    expect(choose({})).toEqual({ kind: 'memory' });
    expect(choose({ database: pg })).toEqual({ kind: 'postgres', channel: 'prod_events' });
    expect(choose({ database: pg, events: { redis: { connection: 'redis://r:6379' } } })).toEqual({
      kind: 'redis',
      connection: 'redis://r:6379',
      channel: 'atrium:events',
    });
    // A Redis cache alone does not move events off PostgreSQL; asking for Redis reuses it.
    const cache = { store: 'redis', connection: 'redis://cache:6379' };
    expect(choose({ database: pg, cache })).toEqual({ kind: 'postgres', channel: 'prod_events' });
    expect(choose({ cache, events: { transport: 'redis', redis: { channel: 'c' } } })).toEqual({
      kind: 'redis',
      connection: 'redis://cache:6379',
      channel: 'c',
    });
    expect(choose({ database: pg, events: { transport: 'memory' } })).toEqual({ kind: 'memory' });
  });

  it('rejects a transport the rest of the config cannot carry, naming the key', () => {
    const postgres = backendConfigSchema.safeParse({ events: { transport: 'postgres' } });
    expect(postgres.error?.issues).toEqual([
      expect.objectContaining({
        path: ['events', 'transport'],
        message: "backend.events.transport is 'postgres' but backend.database.client is not 'pg'",
      }),
    ]);
    const redis = backendConfigSchema.safeParse({ events: { transport: 'redis' } });
    expect(redis.error?.issues[0]?.message).toMatch(
      /neither backend.events.redis.connection nor a Redis backend.cache/,
    );
    expect(backendConfigSchema.safeParse({ events: { transport: 'kafka' } }).success).toBe(false);
  });
});
