import { describe, expect, it } from 'vitest';
import { runLimited } from './run-limited.js';

/** A promise settled from outside, so a test decides when each call finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('runLimited', () => {
  it('keeps the input order whatever order the calls finish in', async () => {
    const gates = [deferred<void>(), deferred<void>(), deferred<void>()];
    const run = runLimited([0, 1, 2], 3, async (i) => {
      await gates[i]!.promise;
      return `item ${i}`;
    });
    gates[2]!.resolve();
    gates[0]!.resolve();
    gates[1]!.resolve();
    expect(await run).toEqual(['item 0', 'item 1', 'item 2']);
  });

  it('never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await runLimited(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
      },
    );
    expect(most).toBe(3);
  });

  it('rejects with the first failure and starts no further item', async () => {
    const started: number[] = [];
    const run = runLimited([0, 1, 2, 3], 1, async (i) => {
      started.push(i);
      if (i === 1) throw new Error('item 1 failed');
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([0, 1]);
  });

  it('returns an empty list for no items, and runs one at a time for a limit below 1', async () => {
    expect(await runLimited([], 4, async () => 1)).toEqual([]);
    expect(await runLimited([1, 2], 0, async (i) => i * 2)).toEqual([2, 4]);
  });
});
