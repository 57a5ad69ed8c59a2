import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@atrium/test-kit';

const repoRoot = resolve(import.meta.dirname, '../../../../..');

/** A verdaccio registry on loopback, storage in a temp folder, with one user and its token. */
export interface TestRegistry {
  url: string;
  token: string;
  /** `npm publish` of a package folder to this registry. */
  publish(dir: string): Promise<void>;
  stop(): Promise<void>;
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} failed (${code}): ${output}`)),
    );
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited: ${log()}`);
    const ok = await fetch(`${url}/-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdaccio did not answer at ${url}: ${log()}`);
}

/** Starts verdaccio (the real package, a child process) and signs a user up. */
export async function startTestRegistry(): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-verdaccio-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      `  htpasswd: { file: ${join(dir, 'htpasswd')}, max_users: 10 }`,
      'uplinks: {}',
      'packages:',
      "  '**': { access: $authenticated, publish: $authenticated }",
      'log: { type: stdout, format: json, level: warn }',
      '',
    ].join('\n'),
  );
  let log = '';
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      join(dir, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  await waitUntilUp(url, child, () => log);
  const signup = await fetch(`${url}/-/user/org.couchdb.user:atrium`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'atrium', password: 'atrium-test-password', type: 'user', roles: [] }),
  });
  const { token } = (await signup.json()) as { token: string };
  if (!token) throw new Error(`verdaccio gave no token (${signup.status})`);
  const npmrc = join(dir, '.npmrc');
  writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=${token}\n`);
  return {
    url,
    token,
    async publish(packageDir) {
      await run(
        'npm',
        ['publish', '--registry', `${url}/`, '--userconfig', npmrc, '--ignore-scripts'],
        packageDir,
      );
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
