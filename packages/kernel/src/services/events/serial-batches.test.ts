import { describe, expect, it } from 'vitest';
import { serialBatches } from './serial-batches.js';

describe('serialBatches', () => {
  it('sends one batch at a time, in order, grouping what arrives meanwhile', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const send = serialBatches<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = send(0);
    const rest = [1, 2, 3].map((n) => send(n));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[0], [1, 2, 3]]);
  });

  it('rejects the items of a failed batch only', async () => {
    const send = serialBatches<string>(async (items) => {
      if (items.includes('bad')) throw new Error('refused');
    });
    const bad = send('bad');
    await expect(bad).rejects.toThrow('refused');
    await expect(send('good')).resolves.toBeUndefined();
  });
});
