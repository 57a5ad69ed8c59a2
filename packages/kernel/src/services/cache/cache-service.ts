import type { JsonValue } from '../config/config-reader.js';

/** A key/value cache with time-to-live, namespaced per plugin. */
export interface CacheService {
  get<T extends JsonValue>(key: string): Promise<T | undefined>;
  set(key: string, value: JsonValue, options?: { ttlMs?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  /** A view with another default time-to-live. */
  withOptions(options: { defaultTtlMs: number }): CacheService;
}

/** Where cached values live; the memory store is the default, Redis is configured. */
export interface CacheStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Wraps a store as one plugin's cache (keys prefixed with the plugin id). */
export function createCacheService(store: CacheStore, pluginId: string, defaultTtlMs = 60_000): CacheService {
  const prefix = `${pluginId}:`;
  return {
    async get<T extends JsonValue>(key: string) {
      const text = await store.get(prefix + key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    set: (key, value, options) =>
      store.set(prefix + key, JSON.stringify(value), options?.ttlMs ?? defaultTtlMs),
    delete: (key) => store.delete(prefix + key),
    withOptions: ({ defaultTtlMs: ttl }) => createCacheService(store, pluginId, ttl),
  };
}
