import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CatalogHttp } from '../catalog/catalog-http.js';
import { BENCH_TRACK, COVERAGE_FACT } from './bench-definitions.js';

type TrackPage = { entities: Array<{ entityRef: string; levelOrdinal: number }>; totalCount: number };

async function poll<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number, pollMs: number) {
  const until = performance.now() + timeoutMs;
  let lastError = '';
  while (performance.now() < until) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(pollMs);
  }
  throw new Error(
    `timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? `: ${lastError}` : ''}`,
  );
}

/**
 * Seconds from `since` until every component is certified in the bench track (the first
 * catalog sync evaluates every check for every entity it reads).
 */
export async function waitForFirstEvaluation(
  http: CatalogHttp,
  options: { since: number; components: number; timeoutMs: number },
): Promise<number> {
  await poll(
    async () => {
      const page = await http.get<TrackPage>(`/tracks/${BENCH_TRACK}/entities?limit=1`);
      return page.totalCount >= options.components ? true : undefined;
    },
    `${options.components} components certified in ${BENCH_TRACK}`,
    options.timeoutMs,
    500,
  );
  return (performance.now() - options.since) / 1000;
}

/** Pushes the coverage fact for each entity in batches of 1000; answers seconds. */
export async function pushCoverage(http: CatalogHttp, entityRefs: string[]): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < entityRefs.length; start += 1000) {
    const facts = entityRefs.slice(start, start + 1000).map((entityRef, i) => ({
      factRef: COVERAGE_FACT,
      entityRef,
      data: { percent: ((start + i) * 37) % 101 },
    }));
    const { status, body } = await http.post('/facts', { facts });
    if (status !== 200)
      throw new Error(`POST /facts answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return (performance.now() - started) / 1000;
}

const FULL_RUN_LINE = /scorecards evaluated (\d+) entities in ([\d.]+) s/g;

/**
 * Triggers the full evaluation (`POST /certify_world`) and answers the seconds until the
 * backend logs that it finished, and the entity count it logged.
 */
export async function measureFullEvaluation(
  http: CatalogHttp,
  logFile: string,
  timeoutMs: number,
): Promise<{ seconds: number; entities: number }> {
  const before = [...(await readFile(logFile, 'utf8')).matchAll(FULL_RUN_LINE)].length;
  const started = performance.now();
  const { status, body } = await http.post('/certify_world', {});
  if (status !== 200) throw new Error(`POST /certify_world answered ${status}: ${JSON.stringify(body)}`);
  const match = await poll(
    async () => [...(await readFile(logFile, 'utf8')).matchAll(FULL_RUN_LINE)][before],
    'the full evaluation to finish (its log line)',
    timeoutMs,
    200,
  );
  return { seconds: (performance.now() - started) / 1000, entities: Number(match[1]) };
}

/**
 * Pushes one coverage fact per sample entity, alternating so each push flips the
 * `coverage-80` result and the Gold level, and answers the milliseconds from the push until
 * GET /results and GET /certifications both show the new state.
 */
export async function measurePushLatency(http: CatalogHttp, pushes: number): Promise<number[]> {
  const page = await http.get<TrackPage>(`/tracks/${BENCH_TRACK}/entities?minLevel=2&limit=${pushes}`);
  if (page.entities.length === 0) throw new Error(`no entity reached level 2 of ${BENCH_TRACK}`);
  const samples: number[] = [];
  for (let i = 0; i < pushes; i++) {
    const { entityRef, levelOrdinal } = page.entities[
      i % page.entities.length
    ] as TrackPage['entities'][number];
    const gold = levelOrdinal < 3;
    const wanted = { state: gold ? 'passed' : 'failed', level: gold ? 3 : 2 };
    page.entities[i % page.entities.length] = { entityRef, levelOrdinal: wanted.level };
    const started = performance.now();
    const pushed = await http.post('/facts', {
      facts: [{ factRef: COVERAGE_FACT, entityRef, data: { percent: gold ? 95 : 5 } }],
    });
    if (pushed.status !== 200) throw new Error(`POST /facts answered ${pushed.status}`);
    const ref = encodeURIComponent(entityRef);
    await poll(
      async () => {
        const [results, certifications] = await Promise.all([
          http.get<{ results: Array<{ state: string }> }>(`/results?entityRef=${ref}&checks=coverage-80`),
          http.get<{ certifications: Array<{ highestLevel?: { ordinal: number } }> }>(
            `/certifications?entityRef=${ref}&trackId=${BENCH_TRACK}`,
          ),
        ]);
        const level = certifications.certifications[0]?.highestLevel?.ordinal ?? 0;
        return results.results[0]?.state === wanted.state && level === wanted.level ? true : undefined;
      },
      `${entityRef} at level ${wanted.level}`,
      30_000,
      10,
    );
    samples.push(performance.now() - started);
  }
  return samples;
}
