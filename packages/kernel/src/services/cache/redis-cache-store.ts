import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { CacheStore } from './cache-service.js';

/**
 * A Redis-backed store (`backend.cache: { store: redis, connection: redis://... }`), shared
 * by replicas.
 *
 * @example
 * const store = await createRedisCacheStore('redis://127.0.0.1:6379', 'atrium:');
 */
export async function createRedisCacheStore(connection: string, keyPrefix = 'atrium:'): Promise<CacheStore> {
  // Loaded here, not at the top: the kernel is one bundle, and a top-level import would make
  // every start load ioredis (~20 ms) whether or not a Redis cache is configured.
  const { Redis } = await import('ioredis');
  const redis = new Redis(connection, {
    keyPrefix,
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
  });
  // Connection errors surface through the commands that fail; ioredis also emits them as events.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new AtriumError(
      kernelErrorCodes.CACHE_CONNECT_FAILED,
      `could not connect to Redis for backend.cache: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return {
    async get(key) {
      return (await redis.get(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await redis.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async delete(key) {
      await redis.del(key);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
