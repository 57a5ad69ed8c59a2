import { LRUCache } from 'lru-cache';
import type { CacheStore } from './cache-service.js';

/**
 * An in-process store with TTL and a size bound; the least recently used entries go first
 * when full.
 *
 * @example
 * const store = createMemoryCacheStore({ maxEntries: 10_000 });
 */
export function createMemoryCacheStore(options: { maxEntries?: number } = {}): CacheStore {
  const entries = new LRUCache<string, string>({ max: options.maxEntries ?? 10_000 });
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, value, ttlMs) {
      entries.set(key, value, { ttl: ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}
