import { sql } from '@atrium/kernel';
import { LRUCache } from 'lru-cache';
import type { SqlReader } from '../database/sql-reader.js';

/** Results keyed by request, valid while the catalog's generation is unchanged. */
export interface GenerationCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * Caches counts and facets per catalog generation, a number every stitch or deletion
 * that changes served entities increments (in the same transaction), so a cached value
 * is never stale: reading the generation is one primary-key lookup, recounting 40,000
 * matches is milliseconds. Concurrent misses for one key share one computation.
 *
 * @example
 * const total = await cache.get(`count:${key}`, () => countEntities(reader, spec));
 */
export function createGenerationCache(reader: SqlReader, maxEntries = 500): GenerationCache {
  const entries = new LRUCache<string, { generation: number; value: Promise<unknown> }>({ max: maxEntries });
  // Requests arriving while a read is in flight share it: on PostgreSQL each read is a
  // round trip, and under load most of them would answer the same number.
  let reading: Promise<number> | undefined;
  // Read before every cached answer: compiled once.
  const generationQuery = reader.prepare(
    () => sql<{ value: number }>`SELECT value FROM catalog_meta WHERE key = 'generation'`,
  );
  const readGeneration = () => {
    reading ??= reader
      .all(generationQuery())
      .then(([row]) => Number(row?.value ?? 0))
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const generation = await readGeneration();
      const hit = entries.get(key);
      if (hit && hit.generation === generation) return hit.value as Promise<T>;
      const value = compute();
      entries.set(key, { generation, value });
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}
