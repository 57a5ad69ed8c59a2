import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { planCatalog } from './catalog-plan.js';
import { generateCatalog } from './generate-catalog.js';
import { measureIntervalChange, measureRefreshChange } from './measure-change.js';
import { measureIngest } from './measure-ingest.js';
import { collectCursorPaths, loadPaths, timeSequential } from './measure-latency.js';
import type { RunResult } from './report.js';
import { ingestTargetSeconds } from './report.js';
import { type Session, startSession } from './run-session.js';

/** Options of one benchmark run: one database, one catalog size. */
export interface RunOneOptions {
  repo: string;
  db: 'sqlite' | 'postgres';
  n: number;
  pgUrl: string;
  /** Fresh ingests (each on a new database) to take the median of. */
  ingestRuns: number;
  /** Edits measured with POST /refresh. */
  changes: number;
  intervalSeconds: number;
  skipInterval: boolean;
  /** autocannon rounds per endpoint, each `seconds` long. */
  rounds: number;
  seconds: number;
  connections: number;
  /** Ingest timeout; default 5x the target. */
  timeoutSeconds?: number;
  /** Keep the temp directory (catalog, config, logs) even when the run succeeds. */
  keep: boolean;
  log(line: string): void;
}

async function stage(result: RunResult, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    result.errors.push(`${name}: ${(error as Error).message}`);
  }
}

async function measureQueries(session: Session, result: RunResult, options: RunOneOptions): Promise<void> {
  const plan = planCatalog(options.n);
  const names = Array.from({ length: Math.min(2000, plan.counts.Component) }, (_, i) =>
    plan.componentName(Math.floor((i * plan.counts.Component) / Math.min(2000, plan.counts.Component))),
  );
  const load = { seconds: options.seconds, connections: options.connections };
  const firstPage = ['/entities/by-query?filter=kind=component&limit=50'];
  const byName = names.map((name) => `/entities/by-name/component/default/${name}`);
  await stage(result, 'by-query first page', async () => {
    await loadPaths(session.http, firstPage, { ...load, seconds: 2 });
    for (let r = 0; r < options.rounds; r++)
      result.firstPage.push(await loadPaths(session.http, firstPage, load));
  });
  await stage(result, 'by-query cursor follow-ups', async () => {
    const cursors = await collectCursorPaths(session.http, 200);
    for (let r = 0; r < options.rounds; r++)
      result.cursorPage.push(await loadPaths(session.http, cursors, load));
  });
  await stage(result, 'by-name', async () => {
    await loadPaths(session.http, byName, { ...load, seconds: 2 });
    for (let r = 0; r < options.rounds; r++) result.byName.push(await loadPaths(session.http, byName, load));
  });
  await stage(result, 'entity-facets', async () => {
    const path = '/entity-facets?facet=spec.type&filter=kind=component';
    await timeSequential(session.http, path, 5);
    result.facetsMs = await timeSequential(session.http, path, 50);
  });
}

/**
 * Runs the whole catalog benchmark for one database and size: generate, ingest (fresh
 * database each time), one-file changes, query load, memory. Stages after ingestion fail
 * independently, so a missing endpoint does not hide the other figures.
 *
 * @example
 * const result = await runOne({ repo, db: 'sqlite', n: 10_000, ...defaults, log: console.log });
 */
export async function runOne(options: RunOneOptions): Promise<RunResult> {
  const { db, n, log } = options;
  const directory = mkdtempSync(join(tmpdir(), `atrium-bench-catalog-${db}-${n}-`));
  const result: RunResult = {
    ...{ db, n, files: 0, megabytes: 0, generateSeconds: 0, intervalSeconds: options.intervalSeconds },
    ...{
      ingestSeconds: [],
      ingestCountSeconds: [],
      refreshChangeSeconds: [],
      firstPage: [],
      cursorPage: [],
      byName: [],
    },
    errors: [],
  };
  let session: Session | undefined;
  const onSignal = () => {
    session?.backend.child.kill('SIGKILL');
    log(`interrupted; ${session?.database ?? 'no database'} left behind, temp files in ${directory}`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    const started = performance.now();
    const catalog = generateCatalog({ total: n, directory: join(directory, 'catalog') });
    Object.assign(result, { files: catalog.files, megabytes: catalog.bytes / 1e6 });
    result.generateSeconds = (performance.now() - started) / 1000;
    const timeoutMs = (options.timeoutSeconds ?? 5 * ingestTargetSeconds(db, n)) * 1000;
    for (let run = 0; run < options.ingestRuns; run++) {
      await session?.stop();
      session = undefined;
      session = await startSession({
        ...{ repo: options.repo, db, pgUrl: options.pgUrl, catalog },
        directory: join(directory, `run-${run}`),
        processingIntervalSeconds: options.intervalSeconds,
      });
      log(`  ingest ${run + 1}/${options.ingestRuns} (${session.database}, log ${session.backend.logFile})`);
      const ingest = await measureIngest(session.http, {
        ...{ spawnedAt: session.backend.spawnedAt, expectedCount: n + 1, sample: catalog.sample },
        ...{ timeoutMs, pollMs: n >= 50_000 ? 500 : 200, logFile: session.backend.logFile },
      });
      result.ingestSeconds.push(ingest.seconds);
      result.ingestCountSeconds.push(ingest.countSeconds);
    }
    const live = session as Session;
    await sleep(2000);
    result.rssAfterIngestMb = (await live.backend.memoryMb()).rss;
    await stage(result, 'change via POST /refresh', async () => {
      for (const [i, target] of catalog.editable.slice(0, options.changes).entries())
        result.refreshChangeSeconds.push(await measureRefreshChange(live.http, target, `refresh ${i}`));
    });
    log('  query load');
    await measureQueries(live, result, options);
    const memory = await live.backend.memoryMb();
    Object.assign(result, { rssAfterLoadMb: memory.rss, peakRssMb: memory.peak });
    const intervalTarget = catalog.editable[options.changes];
    if (!options.skipInterval && intervalTarget) {
      log(`  waiting for the processing interval (${options.intervalSeconds} s) to pick up an edit`);
      await stage(result, 'change via processing interval', async () => {
        const timeoutMs = (2 * options.intervalSeconds + 60) * 1000;
        result.intervalChangeSeconds = await measureIntervalChange(
          live.http,
          intervalTarget,
          'interval',
          timeoutMs,
        );
      });
    }
    return result;
  } catch (error) {
    result.errors.push((error as Error).message);
    return result;
  } finally {
    process.off('SIGINT', onSignal);
    await session?.stop();
    // A failed run keeps its catalog, config and backend log: they are what explains it.
    if (options.keep || result.errors.length > 0) log(`  kept ${directory}`);
    else rmSync(directory, { recursive: true, force: true });
  }
}
