import autocannon from 'autocannon';
import { median, percentile } from '../stats.js';
import type { CatalogHttp, QueryPage } from './catalog-http.js';

/** One load run against a rotating list of paths. */
export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
}

/** Options of {@link loadPaths}. */
export interface LoadOptions {
  seconds: number;
  connections: number;
}

/**
 * Runs autocannon against `paths` (under /api/catalog), each connection taking the next
 * path in turn, and fails on any non-2xx answer or socket error: a latency measured over
 * errors means nothing.
 *
 * @example
 * const { p99 } = await loadPaths(http, ['/entities/by-name/component/default/x'], { seconds: 10, connections: 16 });
 */
export async function loadPaths(
  http: CatalogHttp,
  paths: readonly string[],
  options: LoadOptions,
): Promise<LoadResult> {
  const prefix = new URL(http.baseUrl).pathname;
  let next = 0;
  const result = await autocannon({
    url: http.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    headers: http.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `${prefix}${paths[next++ % paths.length]}` }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${paths[0]} (+${paths.length - 1} more): ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

/**
 * Pages through `filter=kind=component&limit=50` by cursor and returns the follow-up paths,
 * so the load test exercises cursors from every part of the result, not just page two.
 *
 * @example
 * const cursorPaths = await collectCursorPaths(http, 200);
 */
export async function collectCursorPaths(http: CatalogHttp, maxPages: number): Promise<string[]> {
  const paths: string[] = [];
  let page = await http.get<QueryPage>('/entities/by-query?filter=kind=component&limit=50');
  while (page.pageInfo.nextCursor && paths.length < maxPages) {
    const path = `/entities/by-query?cursor=${encodeURIComponent(page.pageInfo.nextCursor)}&limit=50`;
    paths.push(path);
    page = await http.get<QueryPage>(path);
  }
  if (paths.length === 0) throw new Error('filter=kind=component&limit=50 returned no nextCursor');
  return paths;
}

/**
 * Times `calls` sequential requests of one path; returns median and p99 in ms. Used where
 * a single client's latency is the target (facets), not throughput.
 *
 * @example
 * const { median } = await timeSequential(http, '/entity-facets?facet=spec.type&filter=kind=component', 50);
 */
export async function timeSequential(
  http: CatalogHttp,
  path: string,
  calls: number,
): Promise<{ median: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await http.get(path);
    samples.push(performance.now() - started);
  }
  return { median: median(samples), p99: percentile(samples, 99) };
}
