import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { databasesOf, positiveInteger } from '../bench-options.js';
import { planCatalog } from '../catalog/catalog-plan.js';
import { generateCatalog } from '../catalog/generate-catalog.js';
import { median, percentile } from '../stats.js';
import { runScorecardsOnce, type ScorecardsRun } from './run-scorecards-once.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');

const USAGE = `npm run bench -- scorecards [options]
  --n 100000              catalog size (the catalog benchmark's generator)
  --db sqlite|postgres|both   default both
  --pg-url URL            default $ATRIUM_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/test
  --pushed 10000          components that get a pushed coverage fact (capped at the component count)
  --pushes 20             single pushes timed until the API shows the new result and level
  --timeout 900           seconds per waiting stage
  --keep                  keep the temp dir (catalog, configs, backend logs)
  --json FILE             default bench/results/scorecards-<time>.json`;

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      n: { type: 'string', default: '100000' },
      db: { type: 'string', default: 'both' },
      'pg-url': { type: 'string' },
      pushed: { type: 'string', default: '10000' },
      pushes: { type: 'string', default: '20' },
      timeout: { type: 'string', default: '900' },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const dbs = databasesOf(values.db);
  return {
    help: values.help ?? false,
    n: positiveInteger('n', values.n),
    dbs,
    pgUrl: values['pg-url'] ?? process.env.ATRIUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    pushed: positiveInteger('pushed', values.pushed),
    pushes: positiveInteger('pushes', values.pushes),
    timeoutMs: positiveInteger('timeout', values.timeout) * 1000,
    keep: values.keep ?? false,
    json:
      values.json ??
      join(repo, `bench/results/scorecards-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  };
}

const GOAL_SECONDS = { sqlite: 60, postgres: 90 };

function report(run: ScorecardsRun): string[] {
  const s = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} s`);
  const latency = run.pushLatencyMs;
  return [
    `  ${run.db}, N=${run.n} (${run.components} components), load ${run.load.map((l) => l.toFixed(1)).join(' -> ')}`,
    `    catalog ingest (catalog-only process): ${s(run.ingestSeconds)}`,
    `    first sync + evaluation, catalog facts (from spawn): ${s(run.firstEvaluationSeconds)}`,
    `    push coverage for ${run.pushedEntities} components (1000 per POST /facts): ${s(run.pushSeconds)}`,
    `    full evaluation of 50 checks, ${run.fullEvaluation?.entities ?? '?'} entities: ${s(run.fullEvaluation?.seconds)} (goal < ${GOAL_SECONDS[run.db]} s)`,
    latency.length > 0
      ? `    one pushed fact -> result and level via the API: median ${median(latency).toFixed(0)} ms, p99 ${percentile(latency, 99).toFixed(0)} ms, n=${latency.length} (goal < 1000 ms)`
      : '    one pushed fact: n/a',
    ...readPathLines(run),
    ...run.errors.map((error) => `    ERROR ${error}`),
  ];
}

function readPathLines(run: ScorecardsRun): string[] {
  const paths = run.readPaths;
  if (!paths) return ['    read paths: n/a'];
  const ms = (f: { median: number; p99: number }) =>
    `median ${f.median.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`;
  return [
    `    entity tab (5 requests together): ${ms(paths.entityTab)} (goal p99 < 20 ms)`,
    `    team grid, ${paths.groupRef} (${paths.teamGrid.rows} rows): ${ms(paths.teamGrid)} (goal < 200 ms for 2,000)`,
    `    overview, ${paths.overview.cells} cells over ${paths.overview.entities} entities: ${ms(paths.overview)} (goal < 500 ms)`,
  ];
}

/** `npm run bench -- scorecards [--n 100000] [--db sqlite|postgres|both]` (see --help). */
export async function run(args: string[]) {
  const options = parseOptions(args);
  if (options.help) return console.log(USAGE);
  const directory = mkdtempSync(join(tmpdir(), `atrium-bench-scorecards-${options.n}-`));
  const plan = planCatalog(options.n);
  const catalog = generateCatalog({ total: options.n, directory: join(directory, 'catalog') });
  // Divisions, then departments: groups that own many entities through their teams.
  const groupRefs = plan.groups
    .filter((name) => /^(division|department)-/.test(name))
    .map((name) => `group:default/${name}`);
  const componentRefs = Array.from(
    { length: plan.counts.Component },
    (_, i) => `component:default/${plan.componentName(i)}`,
  );
  console.log(`scorecards benchmark: N=${options.n} on ${options.dbs.join(' and ')}; 50 checks, 1 track`);
  const runs: ScorecardsRun[] = [];
  for (const db of options.dbs) {
    const run: ScorecardsRun = {
      ...{ db, n: options.n, components: plan.counts.Component },
      ...{ pushedEntities: Math.min(options.pushed, plan.counts.Component), pushLatencyMs: [] },
      ...{ load: [loadavg()[0] ?? 0], errors: [] },
    };
    console.log(`\n${db}:`);
    await runScorecardsOnce(
      {
        ...options,
        repo,
        db,
        directory: join(directory, db),
        catalog,
        componentRefs,
        groupRefs,
        log: console.log,
      },
      run,
    );
    run.load.push(loadavg()[0] ?? 0);
    runs.push(run);
    console.log(report(run).join('\n'));
  }
  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(runs, null, 2)}\n`);
  console.log(`\nresults written to ${options.json}`);
  if (runs.some((one) => one.errors.length > 0)) {
    process.exitCode = 1;
    console.log(`kept ${directory}`);
  } else if (!options.keep) rmSync(directory, { recursive: true, force: true });
}
