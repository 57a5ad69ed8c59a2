import type { SearchResultSet } from '../../common/search-types.js';
import type { SearchEngine } from '../engines/search-engine.js';

interface Entry {
  at: number;
  version: number;
  answer: SearchResultSet;
  /** About its size as JSON, in characters: documents carry up to 100k characters of text. */
  size: number;
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

// Kept answers, least recently used first (a Map keeps insertion order), within the
// options' count and size.
function createAnswerStore(options: CacheOptions) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let chars = 0;
  const drop = (key: string, entry: Entry) => {
    entries.delete(key);
    chars -= entry.size;
  };
  return {
    get(key: string, version: number): SearchResultSet | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      drop(key, entry);
      if (entry.version !== version || now() - entry.at > options.ttlMs) return undefined;
      entries.set(key, entry);
      chars += entry.size;
      return entry.answer;
    },
    keep(key: string, version: number, answer: SearchResultSet) {
      if (options.ttlMs <= 0) return;
      const size = approximateChars(answer);
      if (size > options.maxChars / 8) return;
      const old = entries.get(key);
      if (old) drop(key, old);
      while (entries.size > 0 && (entries.size >= options.maxEntries || chars + size > options.maxChars)) {
        const [oldestKey, oldest] = entries.entries().next().value!;
        drop(oldestKey, oldest);
      }
      entries.set(key, { at: now(), version, answer, size });
      chars += size;
    },
    clear() {
      entries.clear();
      chars = 0;
    },
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
