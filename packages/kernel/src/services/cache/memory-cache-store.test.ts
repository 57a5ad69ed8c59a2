import { describe, expect, it } from 'vitest';
import { createMemoryCacheStore } from './memory-cache-store.js';

describe('createMemoryCacheStore', () => {
  it('evicts the least recently used entry when full', async () => {
    const store = createMemoryCacheStore({ maxEntries: 2 });
    await store.set('one', '1', 60_000);
    await store.set('two', '2', 60_000);
    expect(await store.get('one')).toBe('1');
    await store.set('three', '3', 60_000);
    expect([await store.get('one'), await store.get('two'), await store.get('three')]).toEqual([
      '1',
      undefined,
      '3',
    ]);
  });

  it('forgets an entry once its time to live has passed', async () => {
    const store = createMemoryCacheStore();
    await store.set('short', 'x', 1);
    await store.set('long', 'y', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('long')).toBe('y');
  });

  it('deletes one entry, and all on close', async () => {
    const store = createMemoryCacheStore();
    await store.set('a', '1', 60_000);
    await store.set('b', '2', 60_000);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    await store.close();
    expect(await store.get('b')).toBeUndefined();
  });
});
