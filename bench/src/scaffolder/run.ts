// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { spawnServer } from '../spawn-server.js';
import { median, summarize } from '../stats.js';
import { benchTemplates } from './bench-templates.js';
import { generateSkeleton } from './generate-skeleton.js';
import { createScaffolderClient, type StreamedEvent } from './scaffolder-client.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const main = join(repo, 'apps/backend/dist/main.js');
const ready = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

async function writeConfig(dir: string, skeletons: string, database: unknown): Promise<string> {
  const file = join(dir, 'app-config.yaml');
  // JSON is YAML: the templates hold `${{ }}` text that is easier to keep exact as JSON.
  const config = {
    backend: {
      listen: { host: '127.0.0.1', port: 0 },
      database,
      features: [
        '@atrium/auth/backend',
        '@atrium/scaffolder/backend',
        join(repo, 'bench/dist/scaffolder/bench-catalog.js'),
      ],
    },
    auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
    catalog: { benchEntities: benchTemplates(skeletons), allowedFileRoots: [skeletons] },
    scaffolder: { concurrentTasksLimit: 10, workingDirectory: join(dir, 'workspaces') },
  };
  await writeFile(file, JSON.stringify(config));
  return file;
}

const stepMs = (events: StreamedEvent[], stepId: string) => {
  const at = (status: string) =>
    events.find((e) => e.body.stepId === stepId && e.body.status === status)?.createdAt;
  return Date.parse(at('completed') ?? '') - Date.parse(at('processing') ?? '');
};

async function firstLogLatency(
  client: ReturnType<typeof createScaffolderClient>,
  runs: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const id = await client.createTask('bench-log', { name: `svc-${i}` });
    let firstLog = 0;
    await client.stream(id, (event) => {
      if (event.type === 'log' && !firstLog) firstLog = event.receivedAt;
      return event.type === 'completion' ? true : undefined;
    });
    samples.push(firstLog - started);
  }
  return samples;
}

async function skeletonRuns(client: ReturnType<typeof createScaffolderClient>, runs: number) {
  const step: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const events = await client.stream(await client.createTask('bench-skeleton', { name: `big-${i}` }));
    const completion = events.at(-1);
    if (completion?.type !== 'completion' || completion.body.error)
      throw new Error(`skeleton task failed: ${JSON.stringify(completion)}`);
    total.push(performance.now() - started);
    step.push(stepMs(events, 'fetch'));
  }
  return { step, total };
}

async function burst(client: ReturnType<typeof createScaffolderClient>, count: number) {
  const started = performance.now();
  const ids = await Promise.all(
    Array.from({ length: count }, (_, i) => client.createTask('bench-small', { name: `burst-${i}` })),
  );
  const results = await Promise.all(ids.map((id) => client.stream(id)));
  const seconds = (performance.now() - started) / 1000;
  const failed = results.filter(
    (events) => events.at(-1)?.type !== 'completion' || events.at(-1)?.body.error,
  );
  return { seconds, failed: failed.length, throughput: count / seconds };
}

/** `npm run bench -- scaffolder [--runs N] [--pg <postgres url>]` */
export async function run(args: string[]) {
  const runs = Number(args[args.indexOf('--runs') + 1]) || 30;
  const pgUrl = args.includes('--pg') ? args[args.indexOf('--pg') + 1] : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'atrium-bench-scaffolder-'));
  const skeletons = join(dir, 'skeletons');
  await generateSkeleton(join(skeletons, 'large'), 1000);
  await generateSkeleton(join(skeletons, 'small'), 20);
  const database = pgUrl
    ? { client: 'pg', connection: pgUrl, prefix: `bench${Date.now()}_` }
    : { client: 'better-sqlite3', connection: { directory: join(dir, 'data') } };
  const config = await writeConfig(dir, skeletons, database);
  const server = await spawnServer([main, '--config', config], {
    ready,
    env: { NODE_ENV: 'production' },
    cwd: repo,
  });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const signIn = await fetch(`${base}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const token = ((await signIn.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
    const client = createScaffolderClient(base, token);
    console.log(`scaffolder benchmark on ${pgUrl ? 'PostgreSQL' : 'SQLite'} (${runs} latency runs)`);
    await firstLogLatency(client, 3);
    const latency = await firstLogLatency(client, runs);
    console.log(
      `task created -> first log event on the SSE stream: ${summarize(latency, 'ms')}  target median < 300 ms`,
    );
    const skeleton = await skeletonRuns(client, 3);
    console.log(
      `fetch:template over a 1,000-file skeleton (step): ${summarize(skeleton.step, 'ms')}  target < 3000 ms`,
    );
    console.log(`  whole task incl. workspace setup and cleanup: ${summarize(skeleton.total, 'ms')}`);
    const result = await burst(client, 20);
    console.log(
      `20 tasks at once (fetch:template of 20 files + catalog:write + fs:readdir): ${result.failed} failed, ` +
        `${result.seconds.toFixed(2)} s, ${result.throughput.toFixed(1)} tasks/s`,
    );
    if (result.failed > 0 || median(skeleton.step) > 3000 || median(latency) > 300) process.exitCode = 1;
  } finally {
    await server.stop();
    if (pgUrl) await dropSchemas(pgUrl, (database as { prefix: string }).prefix);
  }
}

async function dropSchemas(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
      [`${prefix}%`],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
