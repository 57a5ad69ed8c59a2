import { performance } from 'node:perf_hooks';
import type { TestBackend } from '@atrium/test-kit';
import { percentile } from '../stats.js';
import { searchTerms, TERM_KINDS } from './search-documents.js';

/** Polls `term` until `done` holds for the answer's result count; the milliseconds it took. */
export async function waitForCount(
  backend: TestBackend,
  token: string,
  term: string,
  done: (count: number) => boolean,
  timeoutMs: number,
): Promise<number> {
  const start = performance.now();
  for (;;) {
    const response = await backend.fetch(`/api/search/query?term=${encodeURIComponent(term)}&pageLimit=1`, {
      token,
    });
    const body = (await response.json()) as { numberOfResults?: number };
    if (done(body.numberOfResults ?? 0)) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`'${term}' not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Query latency at `clients` concurrent clients for `seconds`: p50, p99 and queries per second. */
export async function measureQueries(
  backend: TestBackend,
  token: string,
  size: number,
  clients: number,
  seconds: number,
) {
  const terms = searchTerms(500, size);
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  const client = async (offset: number) => {
    for (let i = offset; performance.now() < end; i += clients) {
      const term = terms[i % terms.length]!;
      const start = performance.now();
      const response = await backend.fetch(
        `/api/search/query?term=${encodeURIComponent(term)}&pageLimit=25`,
        { token },
      );
      await response.arrayBuffer();
      const elapsed = performance.now() - start;
      latencies.push(elapsed);
      const kind = TERM_KINDS[(i % terms.length) % TERM_KINDS.length]!;
      byKind.set(kind, [...(byKind.get(kind) ?? []), elapsed]);
      if (response.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
    queries: latencies.length,
    failures,
    p99ByKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, percentile(samples, 99)])),
  };
}
