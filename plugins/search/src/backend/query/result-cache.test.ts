import { describe, expect, it } from 'vitest';
import type { SearchResultSet } from '../../common/search-types.js';
import type { SearchEngine } from '../engines/search-engine.js';
import { approximateChars, clearedOnWrite, createResultCache } from './result-cache.js';

const answer = (n: number): SearchResultSet => ({ results: [], numberOfResults: n });

// A computation that counts its runs and answers `n`.
function counted(n: number) {
  const compute = async () => {
    compute.runs++;
    return answer(n);
  };
  compute.runs = 0;
  return compute;
}

describe('search result cache', () => {
  it('reuses an answer at its index version until its time to live has passed', async () => {
    // A clock past 0, as a real one is (the LRU takes a start time of 0 for none).
    let now = 50_000;
    const cache = createResultCache({ ttlMs: 1_000, maxEntries: 10, maxChars: 1_000_000, now: () => now });
    const compute = counted(1);
    await cache.answer('a', 7, compute);
    now = 51_000;
    expect(await cache.answer('a', 7, compute)).toEqual(answer(1));
    expect(compute.runs).toBe(1);
    now = 51_001;
    await cache.answer('a', 7, compute);
    expect(compute.runs).toBe(2);
  });

  it('computes again at another index version (a write on any backend)', async () => {
    const cache = createResultCache({ ttlMs: 60_000, maxEntries: 10, maxChars: 1_000_000 });
    await cache.answer('a', 1, counted(1));
    expect(await cache.answer('a', 2, counted(2))).toEqual(answer(2));
    expect(await cache.answer('a', 2, counted(3))).toEqual(answer(2));
  });

  it('runs a search asked again while it runs once, and keeps no failure', async () => {
    const cache = createResultCache({ ttlMs: 60_000, maxEntries: 10, maxChars: 1_000_000 });
    let release: (value: SearchResultSet) => void = () => {};
    let runs = 0;
    const slow = () => {
      runs++;
      return new Promise<SearchResultSet>((resolve) => {
        release = resolve;
      });
    };
    const both = Promise.all([cache.answer('a', 1, slow), cache.answer('a', 1, slow)]);
    release(answer(5));
    expect(await both).toEqual([answer(5), answer(5)]);
    expect(runs).toBe(1);
    const failing = async (): Promise<SearchResultSet> => {
      throw new Error('database gone');
    };
    await expect(cache.answer('b', 1, failing)).rejects.toThrow('database gone');
    expect(await cache.answer('b', 1, counted(6))).toEqual(answer(6));
  });

  it('forgets the least recently used answer past its size, and keeps none with a time to live of 0', async () => {
    const cache = createResultCache({ ttlMs: 1_000, maxEntries: 2, maxChars: 1_000_000 });
    for (const key of ['a', 'b']) await cache.answer(key, 1, counted(1));
    await cache.answer('a', 1, counted(2));
    await cache.answer('c', 1, counted(3));
    const again = counted(4);
    for (const key of ['a', 'c', 'b']) await cache.answer(key, 1, again);
    expect(again.runs).toBe(1);
    const off = createResultCache({ ttlMs: 0, maxEntries: 2, maxChars: 1_000_000 });
    await off.answer('a', 1, counted(1));
    expect(await off.answer('a', 1, counted(2))).toEqual(answer(2));
  });

  it('keeps answers up to a size in all, dropping the least recently used, and none larger than an eighth of it', async () => {
    const sized = (chars: number) => async (): Promise<SearchResultSet> => ({
      results: [{ type: 't', document: { title: 'x'.repeat(chars), text: '', location: '/' }, rank: 1 }],
      numberOfResults: 1,
    });
    // Answers of 1,000 characters: eight fit in 8,000.
    const thousand = sized(1_000 - approximateChars(await sized(0)()));
    expect(approximateChars(await thousand())).toBe(1_000);
    const cache = createResultCache({ ttlMs: 60_000, maxEntries: 100, maxChars: 8_000 });
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const key of keys) await cache.answer(key, 1, thousand);
    await cache.answer('a', 1, thousand);
    await cache.answer('i', 1, thousand);
    await cache.answer('huge', 1, sized(1_000));
    const again = counted(1);
    for (const key of ['huge', 'b', ...keys.filter((key) => key !== 'b'), 'i'])
      await cache.answer(key, 1, again);
    // Computed again: 'huge' (over 1,000, never kept), 'b' (least recently used when 'i'
    // came) and 'c' (the next, when the small answer of 'huge' came).
    expect(again.runs).toBe(3);
  });

  it('sizes an answer by its documents and highlights, about as their JSON', () => {
    const big: SearchResultSet = {
      results: [
        {
          type: 'techdocs',
          document: {
            title: 'Guide',
            text: 'words '.repeat(10_000),
            location: '/docs/guide',
            tags: ['a', 'b'],
          },
          highlight: { preTag: '<', postTag: '>', fields: { text: '<words> '.repeat(20) } },
          rank: 1,
        },
      ],
      numberOfResults: 1,
    };
    const json = JSON.stringify(big).length;
    expect(approximateChars(big)).toBeGreaterThan(json * 0.9);
    expect(approximateChars(big)).toBeLessThan(json * 1.1);
  });

  it('is dropped after every kind of index write, also a failed one', async () => {
    const cache = createResultCache({ ttlMs: 60_000, maxEntries: 10, maxChars: 1_000_000 });
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
      await cache.answer('a', 1, counted(1));
      await write();
      const compute = counted(2);
      await cache.answer('a', 1, compute);
      expect(compute.runs).toBe(1);
    }
  });
});
