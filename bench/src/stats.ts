/** The median of some samples. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** The p-th percentile (nearest rank) of some samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** One line: median, min, max and count. */
export function summarize(samples: readonly number[], unit: string, digits = 1): string {
  const fmt = (n: number) => n.toFixed(digits);
  return `median ${fmt(median(samples))} ${unit} (min ${fmt(Math.min(...samples))}, max ${fmt(Math.max(...samples))}, n=${samples.length})`;
}
