import { describe, expect, it } from 'vitest';
import type { SearchResultSet } from '../../common/search-types.js';
import type { SearchEngine } from '../engines/search-engine.js';
import { clearedOnWrite, createResultCache } from './result-cache.js';

const answer = (n: number): SearchResultSet => ({ results: [], numberOfResults: n });

describe('search result cache', () => {
  it('answers a key until its time to live has passed', () => {
    let now = 0;
    const cache = createResultCache({ ttlMs: 1_000, maxEntries: 10, now: () => now });
    cache.set('a', answer(1), cache.generation());
    now = 1_000;
    expect(cache.get('a')).toEqual(answer(1));
    now = 1_001;
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps no answer computed across a write, and drops all on a write', () => {
    const cache = createResultCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set('kept', answer(1), cache.generation());
    const since = cache.generation();
    cache.written();
    cache.set('stale', answer(2), since);
    expect(cache.get('stale')).toBeUndefined();
    expect(cache.get('kept')).toBeUndefined();
  });

  it('forgets the oldest answer past its size, and nothing is kept with a time to live of 0', () => {
    const cache = createResultCache({ ttlMs: 1_000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) cache.set(key, answer(1), cache.generation());
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([false, true, true]);
    const off = createResultCache({ ttlMs: 0, maxEntries: 2 });
    off.set('a', answer(1), off.generation());
    expect(off.get('a')).toBeUndefined();
  });

  it('is dropped after every kind of index write, also a failed one', async () => {
    const cache = createResultCache({ ttlMs: 1_000, maxEntries: 10 });
    const engine = clearedOnWrite(
      {
        upsert: async () => {},
        replaceResource: async () => {
          throw new Error('disk full');
        },
        removeStale: async () => 0,
      } as unknown as SearchEngine,
      cache,
    );
    const writes = [
      () => engine.upsert('t', [], 1),
      () => engine.replaceResource('t', 'r', []).catch(() => undefined),
      () => engine.removeStale('t', 1),
    ];
    for (const write of writes) {
      cache.set('a', answer(1), cache.generation());
      await write();
      expect(cache.get('a')).toBeUndefined();
    }
  });
});
