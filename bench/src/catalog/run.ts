import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { databasesOf, positiveInteger } from '../bench-options.js';
import { median } from '../stats.js';
import { formatRun, type RunResult } from './report.js';
import { runOne } from './run-one.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');

const USAGE = `npm run bench -- catalog [options]
  --n 10000,100000        catalog sizes (entities in the generated files)
  --db sqlite|postgres|both   default both
  --pg-url URL            default $ATRIUM_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/test
  --ingest-runs 1         fresh ingests per size and database (median reported)
  --changes 5             one-file edits timed with POST /refresh
  --interval 60           catalog.processingInterval in seconds
  --skip-interval         do not wait for the interval to pick up an edit
  --rounds 3 --seconds 10 --connections 16   autocannon load per endpoint
  --timeout S             ingest timeout in seconds (default 5x the target)
  --keep                  keep temp dirs (catalog, config, backend.log)
  --json FILE             also write the results as JSON (default bench/results/catalog-<time>.json)`;

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      n: { type: 'string', default: '10000,100000' },
      db: { type: 'string', default: 'both' },
      'pg-url': { type: 'string' },
      'ingest-runs': { type: 'string', default: '1' },
      changes: { type: 'string', default: '5' },
      interval: { type: 'string', default: '60' },
      'skip-interval': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      timeout: { type: 'string' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const sizes = (values.n ?? '').split(',').map((n) => positiveInteger('n', n));
  const dbs = databasesOf(values.db);
  return {
    help: values.help,
    sizes,
    dbs,
    pgUrl: values['pg-url'] ?? process.env.ATRIUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    ingestRuns: positiveInteger('ingest-runs', values['ingest-runs']),
    changes: positiveInteger('changes', values.changes),
    intervalSeconds: positiveInteger('interval', values.interval),
    skipInterval: values['skip-interval'] ?? false,
    rounds: positiveInteger('rounds', values.rounds),
    seconds: positiveInteger('seconds', values.seconds),
    connections: positiveInteger('connections', values.connections),
    timeoutSeconds: values.timeout === undefined ? undefined : positiveInteger('timeout', values.timeout),
    keep: values.keep ?? false,
    json:
      values.json ??
      join(repo, `bench/results/catalog-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  };
}

/** `npm run bench -- catalog [--n 10000,100000] [--db sqlite|postgres|both] ...` (see --help). */
export async function run(args: string[]) {
  const options = parseOptions(args);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  console.log(
    `catalog benchmark: sizes ${options.sizes.join(', ')} on ${options.dbs.join(' and ')}; ` +
      `real backend process (NODE_ENV=production), ${options.connections} connections x ${options.seconds} s x ${options.rounds} rounds per endpoint ` +
      '(autocannon latencies have 1 ms resolution; medians over rounds)',
  );
  const results: RunResult[] = [];
  for (const db of options.dbs) {
    for (const n of options.sizes) {
      console.log(`\n${db}, N=${n}:`);
      const result = await runOne({ repo, db, n, ...options, log: (line) => console.log(line) });
      results.push(result);
      const sqlite = results.find((r) => r.db === 'sqlite' && r.n === n && r.ingestSeconds.length > 0);
      console.log(formatRun(result, sqlite ? median(sqlite.ingestSeconds) : undefined).join('\n'));
    }
  }
  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults written to ${options.json}`);
  if (results.some((result) => result.errors.length > 0)) process.exitCode = 1;
}
