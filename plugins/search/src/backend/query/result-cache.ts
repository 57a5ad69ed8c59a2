import { LRUCache } from 'lru-cache';
import type { SearchResultSet } from '../../common/search-types.js';
import type { SearchEngine } from '../engines/search-engine.js';

// A kept answer and the index version it was computed at.
interface Entry {
  version: number;
  answer: SearchResultSet;
}

/**
 * About the characters of an answer as JSON: the strings of each result's document and
 * highlights, plus a little for the rest (a walk over the fields, where serialising the
 * answer would copy every character once more).
 */
export function approximateChars(answer: SearchResultSet): number {
  let chars = 64;
  const add = (value: unknown) => {
    chars += 8 + (typeof value === 'string' ? value.length : JSON.stringify(value ?? null).length);
  };
  for (const result of answer.results) {
    chars += 64;
    for (const value of Object.values(result.document)) add(value);
    for (const value of Object.values(result.highlight?.fields ?? {})) add(value);
  }
  return chars;
}

interface CacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** The answers' size in all (about their JSON's characters); one larger than an eighth of it is not kept. */
  maxChars: number;
  now?: () => number;
}

// Kept answers, least recently used out, within the options' count and size.
function createAnswerStore(options: CacheOptions) {
  const entries = new LRUCache<string, Entry>({
    max: options.maxEntries,
    maxSize: options.maxChars,
    maxEntrySize: Math.floor(options.maxChars / 8),
    sizeCalculation: (entry) => approximateChars(entry.answer),
    ttl: options.ttlMs,
    // Every read asks the clock: a cached time could serve an answer a moment too old.
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  return {
    get(key: string, version: number): SearchResultSet | undefined {
      const entry = entries.get(key);
      if (entry?.version === version) return entry.answer;
      if (entry) entries.delete(key);
      return undefined;
    },
    keep(key: string, version: number, answer: SearchResultSet) {
      // A time to live of 0 keeps nothing (to the LRU it would mean forever).
      if (options.ttlMs > 0) entries.set(key, { version, answer });
    },
    clear: () => entries.clear(),
  };
}

/**
 * Answers of recent searches, for callers whose access to every type they search is
 * unconditional (their answer depends on the types, never on who asks). An answer is
 * reused only at the index version it was computed at (the engine's `indexVersion`, which
 * every write raises on whichever backend), for `ttlMs` at most; a search asked again
 * while the same one runs waits for that one instead of running twice. A write of this
 * backend also drops every answer at once.
 */
export function createResultCache(options: CacheOptions) {
  const store = createAnswerStore(options);
  const running = new Map<string, Promise<SearchResultSet>>();
  return {
    /** The answer of `key` at index `version`: kept, being computed, or computed now by `compute`. */
    answer(key: string, version: number, compute: () => Promise<SearchResultSet>): Promise<SearchResultSet> {
      const hit = store.get(key, version);
      if (hit) return Promise.resolve(hit);
      const runKey = `${version}\n${key}`;
      const pending = running.get(runKey);
      if (pending) return pending;
      const started = compute().then(
        (answer) => {
          running.delete(runKey);
          store.keep(key, version, answer);
          return answer;
        },
        (error: unknown) => {
          running.delete(runKey);
          throw error;
        },
      );
      running.set(runKey, started);
      return started;
    },
    /** Drops every answer (this backend wrote to the index). */
    written(): void {
      store.clear();
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
