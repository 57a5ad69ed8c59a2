import type { SearchResultSet } from '../../common/search-types.js';
import type { SearchEngine } from '../engines/search-engine.js';

/**
 * Answers of recent searches, for callers whose access to every type they search is
 * unconditional (their answer depends on the types, never on who asks). Entries live
 * `ttlMs` at most; any index write of this backend drops them all, and an answer computed
 * across a write is not kept. Incremental changes reach every backend's index (each
 * writes them), so a change is never hidden longer than the write takes; only another
 * backend's full rebuild may show up to `ttlMs` late.
 */
export function createResultCache(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; answer: SearchResultSet }>();
  let generation = 0;
  return {
    /** The generation to hand back to `set`: an answer from before a write is not kept. */
    generation: () => generation,
    get(key: string): SearchResultSet | undefined {
      const entry = entries.get(key);
      if (entry && now() - entry.at <= options.ttlMs) return entry.answer;
      if (entry) entries.delete(key);
      return undefined;
    },
    set(key: string, answer: SearchResultSet, since: number): void {
      if (options.ttlMs <= 0 || since !== generation) return;
      // Oldest first: Map keeps insertion order.
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { at: now(), answer });
    },
    /** Drops every answer (the index changed). */
    written(): void {
      generation++;
      entries.clear();
    },
  };
}

/** A search result cache. */
export type ResultCache = ReturnType<typeof createResultCache>;

/** The engine, dropping the cache's answers after each of its writes. */
export function clearedOnWrite(engine: SearchEngine, cache: ResultCache): SearchEngine {
  const after =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        cache.written();
      }
    };
  return {
    ...engine,
    upsert: after(engine.upsert),
    replaceResource: after(engine.replaceResource),
    removeStale: after(engine.removeStale),
  };
}
