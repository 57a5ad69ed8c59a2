import { performance } from 'node:perf_hooks';
import { median } from './stats.js';

const values = 200_000;

// Sorts the same pseudo-random numbers each time (a fixed seed): integer work, memory and V8's sort.
function fixedWork(): number {
  let state = 12_345;
  const numbers = new Float64Array(values);
  for (let i = 0; i < values; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    numbers[i] = state;
  }
  numbers.sort();
  return numbers[values >> 1]!;
}

/**
 * Milliseconds a fixed piece of CPU work takes in this process now (median of `rounds`).
 * The host's speed changes from run to run (the same query phase has cost 50% more CPU in
 * one run than the next), so a report says how fast the host was while it measured.
 */
export function hostSpeedMs(rounds = 5): number {
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    sink += fixedWork();
    times.push(performance.now() - start);
  }
  // Used, so the work cannot be left out.
  if (Number.isNaN(sink)) throw new Error('host speed: the fixed work gave no number');
  return median(times);
}
