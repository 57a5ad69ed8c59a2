import { describe, expect, it } from 'vitest';
import { doublingDelayMs } from './doubling-delay.js';

describe('doublingDelayMs', () => {
  it('doubles from the first delay per step and stops at the cap', () => {
    expect([0, 1, 2, 3, 10].map((step) => doublingDelayMs(step, 250, 30_000))).toEqual([
      250, 500, 1000, 2000, 30_000,
    ]);
  });

  it('treats a step below zero as the first', () => {
    expect(doublingDelayMs(-1, 1000, 600_000)).toBe(1000);
  });
});
