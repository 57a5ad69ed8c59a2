import { describe, expect, it } from 'vitest';
import { createCacheService } from './cache-service.js';
import { createMemoryCacheStore } from './memory-cache-store.js';
import { createRedisCacheStore } from './redis-cache-store.js';

const REDIS_URL = process.env.ATRIUM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['memory', async () => createMemoryCacheStore({ maxEntries: 3 })],
  ['redis', async () => createRedisCacheStore(REDIS_URL, `atrium-test-${process.pid}-${Date.now()}:`)],
] as const)('%s cache', (_name, makeStore) => {
  it('stores JSON values per plugin and expires them', async () => {
    const store = await makeStore();
    const a = createCacheService(store, 'a');
    const b = createCacheService(store, 'b');
    await a.set('k', { n: 1 });
    expect(await a.get('k')).toEqual({ n: 1 });
    expect(await b.get('k')).toBeUndefined();
    await a.set('short', 'x', { ttlMs: 30 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await a.get('short')).toBeUndefined();
    await a.delete('k');
    expect(await a.get('k')).toBeUndefined();
    await store.close();
  });
});

describe('memory cache bound', () => {
  it('evicts the least recently used entry when full', async () => {
    const cache = createCacheService(createMemoryCacheStore({ maxEntries: 2 }), 'p');
    await cache.set('one', 1);
    await cache.set('two', 2);
    await cache.set('three', 3);
    expect([await cache.get('one'), await cache.get('two'), await cache.get('three')]).toEqual([
      undefined,
      2,
      3,
    ]);
  });
});

describe('redis connection errors', () => {
  it('names the setting when Redis is unreachable', async () => {
    await expect(createRedisCacheStore('redis://127.0.0.1:1')).rejects.toThrowError(
      /could not connect to Redis for backend.cache/,
    );
  });
});
