import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestBackend } from '@atrium/test-kit';
import { percentile } from '../stats.js';
import type { SearchTerm } from './search-documents.js';

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
    await sleep(10);
  }
}

// Users do not type in step: each pause is 50-150% of the mean (and each client starts at a
// random moment), or the clients would send their queries in bursts of all at once.
const pause = (meanMs: number) => sleep(meanMs * (0.5 + Math.random()));

/** Latency percentiles of some samples. */
export interface Latency {
  p50: number;
  p99: number;
  n: number;
}

/** The p50 and p99 of some samples, and their count. */
export const latencyOf = (samples: readonly number[]): Latency => ({
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  n: samples.length,
});

/** Where {@link measureQueries} sends its queries: a path (with query) to the answer's status, read in full, signed in. */
export interface QueryTarget {
  get(path: string): Promise<number>;
}

/** What {@link measureQueries} found: all queries and each kind of term. */
export interface QueryFigures {
  clients: number;
  /** The pause of each client between an answer and its next query. */
  thinkMs: number;
  all: Latency;
  byKind: Record<string, Latency>;
  perSecond: number;
  failures: number;
  /** The slowest queries, slowest first: what a p99 is made of. */
  slowest: SlowQuery[];
}

/** One query's term and how long its answer took. */
export interface SlowQuery {
  kind: string;
  term: string;
  ms: number;
}

const SLOWEST_KEPT = 12;

/**
 * Closed-loop query latency: `clients` concurrent clients, each sending its next query
 * `thinkMs` after the last one answered, for `seconds`. One client without think time
 * measures the service time of a query; many measure queueing in the backend as well
 * (without think time: the backend saturated; with the search box's debounce: users typing).
 */
export async function measureQueries(
  target: QueryTarget,
  terms: readonly SearchTerm[],
  clients: number,
  seconds: number,
  thinkMs = 0,
): Promise<QueryFigures> {
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const timed: SlowQuery[] = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  const client = async (offset: number) => {
    if (thinkMs > 0) await sleep(Math.random() * thinkMs);
    for (let i = offset; performance.now() < end; i += clients) {
      const { kind, term } = terms[i % terms.length]!;
      const start = performance.now();
      const status = await target.get(`/api/search/query?term=${encodeURIComponent(term)}&pageLimit=25`);
      const elapsed = performance.now() - start;
      all.push(elapsed);
      const samples = byKind.get(kind) ?? [];
      if (samples.length === 0) byKind.set(kind, samples);
      samples.push(elapsed);
      timed.push({ kind, term, ms: elapsed });
      if (status !== 200) failures++;
      if (thinkMs > 0) await pause(thinkMs);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  return {
    clients,
    thinkMs,
    all: latencyOf(all),
    byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, latencyOf(samples)])),
    perSecond: all.length / seconds,
    failures,
    slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_KEPT),
  };
}
