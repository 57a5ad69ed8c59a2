/** A deterministic pseudo-random source, so a seed always yields the same catalog. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Up to k distinct items of a list, in list order. */
  sample<T>(items: readonly T[], k: number): T[];
}

/**
 * Creates a seeded random source (mulberry32: tiny, fast, and good enough for test data).
 *
 * @example
 * const random = createSeededRandom(42);
 * random.pick(['service', 'website', 'library']);
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[int(items.length)] as (typeof items)[number];
    },
    sample: (items, k) => {
      const chosen = new Set<number>();
      const wanted = Math.min(k, items.length);
      while (chosen.size < wanted) chosen.add(int(items.length));
      return [...chosen].sort((a, b) => a - b).map((index) => items[index] as (typeof items)[number]);
    },
  };
}
