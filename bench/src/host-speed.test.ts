import { describe, expect, it } from 'vitest';
import { hostSpeedMs } from './host-speed.js';

describe('hostSpeedMs', () => {
  it('times the fixed work: a positive, finite number of milliseconds', () => {
    const one = hostSpeedMs(1);
    expect(one).toBeGreaterThan(0);
    expect(Number.isFinite(one)).toBe(true);
  });
});
