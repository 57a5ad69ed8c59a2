import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnect-delay.js';

describe('reconnectDelayMs', () => {
  it('doubles from 250 ms up to 30 s', () => {
    const most = [0, 1, 2, 3, 7, 8, 20].map((attempt) => reconnectDelayMs(attempt, () => 1));
    expect(most).toEqual([250, 500, 1000, 2000, 30_000, 30_000, 30_000]);
  });

  it('jitters each delay to between half and all of it', () => {
    expect(reconnectDelayMs(2, () => 0)).toBe(500);
    expect(reconnectDelayMs(2, () => 0.5)).toBe(750);
  });
});
