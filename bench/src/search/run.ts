import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { searchPlugin } from '@atrium/search/backend';
import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { databasesOf } from '../bench-options.js';
import { hostSpeedMs } from '../host-speed.js';
import { median } from '../stats.js';
import { benchCollator } from './bench-collator.js';
import { type QueryFigures, waitForCount } from './measure-search.js';
import type { QueryClientJob } from './query-client.js';
import { planSearchCorpus, type SearchCorpus } from './search-documents.js';
import { formatReport, type SearchRunResult } from './search-report.js';
import { timeServerQueries } from './server-latency.js';

const USAGE = `npm run bench -- search [options]
  --n 100000              catalog entities (the catalog bench's generator), comma-separated for several runs
  --docs 5000             docs pages (techdocs-shaped) indexed with them
  --db sqlite|postgres|both   default both (SQLite in a file, PostgreSQL on $ATRIUM_TEST_PG_URL)
  --clients 16 --seconds 10   closed-loop clients (in a process of their own) and how long each phase runs:
                          first without think time, then pausing --think-ms after each answer
  --think-ms 150          the paced phase's pause: the search box's debounce (0: no paced phase)
  --service-seconds 5     one client alone for this long: the service time of a query
  --changes 5             catalog entities changed through events, timed until searchable
  --no-cache              search.resultCache off (every query runs; the default config has it on)
  --read-workers N        backend.database.readWorkers (SQLite: worker threads for search queries; default the kernel's)`;

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      n: { type: 'string', default: '100000' },
      docs: { type: 'string', default: '5000' },
      db: { type: 'string', default: 'both' },
      clients: { type: 'string', default: '16' },
      seconds: { type: 'string', default: '10' },
      'think-ms': { type: 'string', default: '150' },
      'service-seconds': { type: 'string', default: '5' },
      changes: { type: 'string', default: '5' },
      'no-cache': { type: 'boolean', default: false },
      'read-workers': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const dbs = databasesOf(values.db);
  return {
    help: values.help,
    sizes: (values.n ?? '').split(',').map((n) => Number(n.replace(/_/g, ''))),
    docs: Number(values.docs),
    dbs,
    clients: Number(values.clients),
    seconds: Number(values.seconds),
    thinkMs: Number(values['think-ms']),
    serviceSeconds: Number(values['service-seconds']),
    changes: Number(values.changes),
    cache: !values['no-cache'],
    readWorkers: values['read-workers'] === undefined ? undefined : Number(values['read-workers']),
  };
}

type Options = ReturnType<typeof parseOptions>;

const execFileAsync = promisify(execFile);

// The backend runs in this process, so the process's RSS is the backend's (plus the bench's small share).
function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

// The kernel's default PostgreSQL pool (10 a plugin), as a portal runs, not the tests' 4.
function withDefaultPool(config: TestDatabase['config']): TestDatabase['config'] {
  const { pool: _testPool, ...rest } = config;
  return rest;
}

// Runs the query client in a process of its own and reads its one line of figures.
async function queriesFromClient(job: QueryClientJob): Promise<QueryFigures> {
  const script = fileURLToPath(new URL('./query-client.js', import.meta.url));
  const { stdout } = await execFileAsync(process.execPath, [script, JSON.stringify(job)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as QueryFigures;
}

// The figures, this process's CPU time per query and the backend's own latency while they
// ran: the backend runs here and its clients in their own process.
async function withCpu(measure: () => Promise<QueryFigures>) {
  const before = process.cpuUsage();
  const stopTiming = timeServerQueries();
  const figures = await measure();
  const server = stopTiming();
  const { user, system } = process.cpuUsage(before);
  return { figures, cpuMs: (user + system) / 1000 / Math.max(1, figures.all.n), server };
}

async function measureChanges(
  backend: TestBackend,
  token: string,
  corpus: SearchCorpus,
  collator: ReturnType<typeof benchCollator>,
  changes: number,
) {
  const changeMs: number[] = [];
  for (let change = 1; change <= changes; change++) {
    const start = performance.now();
    void collator.publishChange((change * 7919) % corpus.plan.counts.Component, change);
    await waitForCount(backend, token, `revision${change}`, (count) => count === 1, 30_000);
    changeMs.push(performance.now() - start);
  }
  return { changeMedianMs: median(changeMs), changeMaxMs: Math.max(...changeMs) };
}

// Queries come from another process (see query-client.ts), 50,000 terms: repeats come
// only from the mix itself (common words, short prefixes), as they would from many users.
// One client alone, then many without think time, then as many at the search box's pace.
// Each phase starts at a term of its own, past what the one before could ask: replaying
// the same terms let the paced phase find the closed loop's answers in the result cache
// whenever the closed loop had asked fewer terms than the cache keeps (1,000).
async function queryPhases(job: Omit<QueryClientJob, 'clients' | 'seconds'>, options: Options) {
  // Warm-up (discarded): the first queries pay for cold pages and compiled statements.
  await queriesFromClient({ ...job, clients: 1, seconds: 2 });
  const service = await withCpu(() =>
    queriesFromClient({ ...job, clients: 1, seconds: options.serviceSeconds, firstTerm: 5_000 }),
  );
  const many = { ...job, clients: options.clients, seconds: options.seconds };
  const loaded = await withCpu(() => queriesFromClient({ ...many, firstTerm: 15_000 }));
  const paced =
    options.thinkMs > 0
      ? await withCpu(() => queriesFromClient({ ...many, thinkMs: options.thinkMs, firstTerm: 35_000 }))
      : undefined;
  return { service, loaded, paced };
}

async function runOne(
  db: 'sqlite' | 'postgres',
  entities: number,
  options: Options,
): Promise<SearchRunResult> {
  const database = await createTestDatabase(db, { file: true });
  const corpus = planSearchCorpus(entities, options.docs);
  const collator = benchCollator(corpus, new Map());
  const stopRss = trackPeakRss();
  const started = performance.now();
  const backend = await startTestBackend({
    features: [searchPlugin, ...collator.features],
    config: {
      backend: {
        // A portal's scheduler polls once a second, not the tests' 20 times.
        scheduler: { pollInterval: { seconds: 1 } },
        database: {
          ...withDefaultPool(database.config),
          ...(options.readWorkers === undefined ? {} : { readWorkers: options.readWorkers }),
        },
      },
      search: {
        schedule: { initialDelay: { milliseconds: 0 }, frequency: { hours: 24 }, timeout: { hours: 1 } },
        ...(options.cache ? {} : { resultCache: { ttl: { milliseconds: 0 } } }),
      },
    },
  });
  try {
    const token = await backend.userToken();
    await waitForCount(backend, token, '', (count) => count === corpus.size, 30 * 60_000);
    // From before start: the first rebuild may run while the backend is still starting.
    const indexMs = performance.now() - started;
    const peakRssMb = stopRss() / 1024 / 1024;
    const hostBefore = hostSpeedMs();
    const { service, loaded, paced } = await queryPhases(
      { url: backend.url, token, entities, docs: options.docs },
      options,
    );
    const hostMs = { before: hostBefore, after: hostSpeedMs() };
    const changes = await measureChanges(backend, token, corpus, collator, options.changes);
    return {
      ...{ db, corpus, cache: options.cache, indexMs, peakRssMb, hostMs },
      ...{
        service: service.figures,
        serviceCpuMs: service.cpuMs,
        serviceServer: service.server,
        loaded: loaded.figures,
        loadedCpuMs: loaded.cpuMs,
        loadedServer: loaded.server,
        ...(paced ? { paced: paced.figures, pacedCpuMs: paced.cpuMs, pacedServer: paced.server } : {}),
      },
      ...changes,
    };
  } finally {
    stopRss();
    await backend.stop();
    await database.cleanup();
  }
}

/** `npm run bench -- search [--n 100000] [--docs 5000] [--db sqlite|postgres|both] ...` (see --help). */
export async function run(args: string[]) {
  const options = parseOptions(args);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  for (const size of options.sizes) {
    for (const db of options.dbs) console.log(formatReport(await runOne(db, size, options)));
  }
}
