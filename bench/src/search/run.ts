import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { searchPlugin } from '@atrium/search/backend';
import { createTestDatabase, startTestBackend } from '@atrium/test-kit';
import { median } from '../stats.js';
import { benchCollator } from './bench-collator.js';
import { measureQueries, waitForCount } from './measure-search.js';

const USAGE = `npm run bench -- search [options]
  --n 10000,100000        documents in the index (catalog-shaped, streamed by a collator)
  --db sqlite|postgres|both   default both (SQLite in a file, PostgreSQL on $ATRIUM_TEST_PG_URL)
  --clients 16 --seconds 10   concurrent query clients and how long they run
  --changes 5             documents changed through events, timed until searchable`;

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      n: { type: 'string', default: '10000' },
      db: { type: 'string', default: 'both' },
      clients: { type: 'string', default: '16' },
      seconds: { type: 'string', default: '10' },
      changes: { type: 'string', default: '5' },
      help: { type: 'boolean', default: false },
    },
  });
  const dbs = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];
  if (dbs.some((db) => db !== 'sqlite' && db !== 'postgres'))
    throw new Error('--db must be sqlite, postgres or both');
  return {
    help: values.help,
    sizes: (values.n ?? '').split(',').map((n) => Number(n.replace(/_/g, ''))),
    dbs: dbs as Array<'sqlite' | 'postgres'>,
    clients: Number(values.clients),
    seconds: Number(values.seconds),
    changes: Number(values.changes),
  };
}

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

async function runOne(db: 'sqlite' | 'postgres', size: number, options: ReturnType<typeof parseOptions>) {
  const database = await createTestDatabase(db, { file: true });
  const revisions = new Map<number, number>();
  const collator = benchCollator(size, revisions);
  const stopRss = trackPeakRss();
  const started = performance.now();
  const backend = await startTestBackend({
    features: [searchPlugin, ...collator.features],
    config: {
      backend: { database: database.config },
      search: {
        schedule: { initialDelay: { milliseconds: 0 }, frequency: { hours: 24 }, timeout: { hours: 1 } },
      },
    },
  });
  try {
    const token = await backend.userToken();
    await waitForCount(backend, token, '', (count) => count === size, 30 * 60_000);
    // From before start: the first rebuild may run while the backend is still starting.
    const indexMs = performance.now() - started;
    const peakRssMb = stopRss() / 1024 / 1024;
    const queries = await measureQueries(backend, token, size, options.clients, options.seconds);
    const changeMs: number[] = [];
    for (let change = 1; change <= options.changes; change++) {
      const index = (change * 7919) % size;
      revisions.set(index, change);
      const start = performance.now();
      void collator.publishChange(index);
      await waitForCount(backend, token, `revision${change}`, (count) => count === 1, 30_000);
      changeMs.push(performance.now() - start);
    }
    return {
      db,
      size,
      indexMs,
      peakRssMb,
      queries,
      changeMedianMs: median(changeMs),
      changeMaxMs: Math.max(...changeMs),
    };
  } finally {
    stopRss();
    await backend.stop();
    await database.cleanup();
  }
}

/** `npm run bench -- search [--n 10000,100000] [--db sqlite|postgres|both] ...` (see --help). */
export async function run(args: string[]) {
  const options = parseOptions(args);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  for (const size of options.sizes) {
    for (const db of options.dbs) {
      const r = await runOne(db, size, options);
      console.log(
        `search ${db} n=${size}: index ${(r.indexMs / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB; ` +
          `queries at ${options.clients} clients p50 ${r.queries.p50.toFixed(1)} ms p99 ${r.queries.p99.toFixed(1)} ms ` +
          `(${r.queries.perSecond.toFixed(0)}/s, ${r.queries.failures} failed); ` +
          `p99 by term: ${Object.entries(r.queries.p99ByKind)
            .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
            .join(', ')}; ` +
          `change searchable median ${r.changeMedianMs.toFixed(0)} ms (max ${r.changeMaxMs.toFixed(0)} ms)`,
      );
    }
  }
}
