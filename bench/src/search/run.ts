import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { searchPlugin } from '@atrium/search/backend';
import { createTestDatabase, startTestBackend, type TestBackend } from '@atrium/test-kit';
import { databasesOf } from '../bench-options.js';
import { median } from '../stats.js';
import { benchCollator } from './bench-collator.js';
import { measureQueries, waitForCount } from './measure-search.js';
import { planSearchCorpus, type SearchCorpus, searchTerms } from './search-documents.js';
import { formatReport, type SearchRunResult } from './search-report.js';

const USAGE = `npm run bench -- search [options]
  --n 100000              catalog entities (the catalog bench's generator), comma-separated for several runs
  --docs 5000             docs pages (techdocs-shaped) indexed with them
  --db sqlite|postgres|both   default both (SQLite in a file, PostgreSQL on $ATRIUM_TEST_PG_URL)
  --clients 16 --seconds 10   closed-loop clients (no think time) and how long they run
  --service-seconds 5     one client alone for this long: the service time of a query
  --changes 5             catalog entities changed through events, timed until searchable
  --no-cache              search.resultCache off (every query runs; the default config has it on)`;

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
      'service-seconds': { type: 'string', default: '5' },
      changes: { type: 'string', default: '5' },
      'no-cache': { type: 'boolean', default: false },
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
    serviceSeconds: Number(values['service-seconds']),
    changes: Number(values.changes),
    cache: !values['no-cache'],
  };
}

type Options = ReturnType<typeof parseOptions>;

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
      backend: { database: database.config },
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
    // Enough terms that no run goes through them twice: repeats come only from the mix
    // itself (common words, short prefixes), as they would from many users.
    const terms = searchTerms(50_000, corpus);
    // Warm-up (discarded): the first queries pay for cold pages and compiled statements.
    await measureQueries(backend, token, terms, 1, 2);
    const service = await measureQueries(backend, token, terms, 1, options.serviceSeconds);
    const loaded = await measureQueries(backend, token, terms, options.clients, options.seconds);
    const changes = await measureChanges(backend, token, corpus, collator, options.changes);
    return { db, corpus, cache: options.cache, indexMs, peakRssMb, service, loaded, ...changes };
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
