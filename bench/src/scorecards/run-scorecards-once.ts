import { join } from 'node:path';
import { createCatalogHttp } from '../catalog/catalog-http.js';
import type { GeneratedCatalog } from '../catalog/generate-catalog.js';
import { measureIngest } from '../catalog/measure-ingest.js';
import { type Session, startSession } from '../catalog/run-session.js';
import { benchScorecardsConfig } from './bench-definitions.js';
import {
  measureFullEvaluation,
  measurePushLatency,
  pushCoverage,
  waitForFirstEvaluation,
} from './measure-scorecards.js';
import { pickGroupNear } from './pick-group.js';
import { measureReadPaths, type ReadPathsResult } from './read-paths.js';

/** The figures of one database. */
export interface ScorecardsRun {
  db: 'sqlite' | 'postgres';
  n: number;
  components: number;
  ingestSeconds?: number;
  firstEvaluationSeconds?: number;
  pushedEntities: number;
  pushSeconds?: number;
  fullEvaluation?: { seconds: number; entities: number };
  pushLatencyMs: number[];
  /** Entity tab, team grid (the group nearest 2,000 entities) and overview, as the operator. */
  readPaths?: ReadPathsResult & { groupRef: string };
  /** 1-minute load average at the start and end of the run. */
  load: number[];
  errors: string[];
}

/** Options of {@link runScorecardsOnce}. */
export interface RunOnceOptions {
  repo: string;
  db: 'sqlite' | 'postgres';
  pgUrl: string;
  directory: string;
  catalog: GeneratedCatalog;
  componentRefs: string[];
  /** Group refs of the generated organisation, candidates for the team grid figure. */
  groupRefs: string[];
  pushes: number;
  timeoutMs: number;
  log(line: string): void;
}

const FEATURES = [
  '@atrium/auth/backend',
  '@atrium/catalog/backend',
  '@atrium/audit/backend',
  '@atrium/scorecards/backend',
];

/**
 * One database: a catalog-only process ingests the generated catalog; a second process on
 * the same database adds scorecards, whose first catalog sync evaluates every check for
 * every entity; then coverage is pushed for 10k components, a full evaluation is triggered
 * (POST /certify_world) and single pushes are timed until the API shows their effect.
 */
export async function runScorecardsOnce(options: RunOnceOptions, run: ScorecardsRun): Promise<void> {
  const { log, catalog } = options;
  const base = { repo: options.repo, db: options.db, pgUrl: options.pgUrl, catalog };
  let session: Session | undefined;
  try {
    const ingest = await startSession({
      ...base,
      directory: join(options.directory, 'ingest'),
      processingIntervalSeconds: 3600,
    });
    session = ingest;
    log(`  ingesting ${options.catalog.total} entities (${ingest.database})`);
    const expectedCount = catalog.total + 1;
    run.ingestSeconds = (
      await measureIngest(ingest.http, {
        ...{ spawnedAt: ingest.backend.spawnedAt, expectedCount, sample: catalog.sample },
        ...{ timeoutMs: options.timeoutMs, pollMs: 500, logFile: ingest.backend.logFile },
      })
    ).seconds;
    await ingest.backend.stop();
    session = await startSession({
      ...base,
      directory: join(options.directory, 'scorecards'),
      processingIntervalSeconds: 3600,
      database: ingest.databaseConfig,
      features: FEATURES,
      extraConfig: { scorecards: benchScorecardsConfig() },
    });
    const http = createCatalogHttp(session.backend.port, tokenOf(session), 'scorecards');
    log(`  scorecards: first sync and evaluation (log ${session.backend.logFile})`);
    run.firstEvaluationSeconds = await waitForFirstEvaluation(http, {
      since: session.backend.spawnedAt,
      components: run.components,
      timeoutMs: options.timeoutMs,
    });
    const pushed = options.componentRefs.slice(0, run.pushedEntities);
    log(`  pushing coverage for ${pushed.length} components`);
    run.pushSeconds = await pushCoverage(http, pushed);
    log('  full evaluation (POST /certify_world)');
    run.fullEvaluation = await measureFullEvaluation(http, session.backend.logFile, options.timeoutMs);
    log(`  ${options.pushes} single pushes`);
    run.pushLatencyMs = await measurePushLatency(http, options.pushes);
    log('  read paths: entity tab, team grid, overview');
    const server = { url: `http://127.0.0.1:${session.backend.port}` };
    const groupRef = await pickGroupNear(server, tokenOf(session), options.groupRefs, 2000);
    const entityRef = options.componentRefs[0] ?? '';
    run.readPaths = {
      ...(await measureReadPaths(server, tokenOf(session), { entityRef, groupRef })),
      groupRef,
    };
  } catch (error) {
    run.errors.push((error as Error).message);
  } finally {
    await session?.stop();
  }
}

function tokenOf(session: Session): string {
  return (session.http.headers.authorization ?? '').replace(/^Bearer /, '');
}
