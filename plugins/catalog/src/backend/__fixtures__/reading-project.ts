import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCaptureLogger, startTestBackend, type TestBackend } from '@atrium/test-kit';
import { catalogPlugin } from '../plugin.js';
import { ALL_KINDS } from './start-catalog.js';

/** Text only the config file holds: a response that contains it leaked the file. */
export const CONFIG_SECRET = 'config-secret-6f1e';
/** Text only a file in a config location's folder holds (readable by config processing, not by users). */
export const PRIVATE_SECRET = 'private-secret-41d2';
/** Text only a file deleted from a bare repository's branch held. */
export const HISTORY_SECRET = 'history-secret-9b0c';
/** Text only a file outside every repository on the http host holds. */
export const REMOTE_SECRET = 'remote-secret-77aa';

// A placeholder goes where Backstage reads one (an API's definition); plain text elsewhere.
const component = (name: string, content: unknown = 'ok') =>
  JSON.stringify(
    typeof content === 'string'
      ? {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name, description: content },
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        }
      : {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: { name },
          spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: content },
        },
  );

function git(args: string[], cwd?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e' };
  return execFileSync('git', args, {
    cwd,
    env: { ...env, GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
  })
    .toString()
    .trim();
}

/** Writes a file, creating its folder. */
export function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A portal folder laid out like `npm start`'s, a git host on loopback, and the catalog on it. */
export interface ReadingProject {
  dir: string;
  backend: TestBackend;
  token: string;
  /** Base URL of the http git host, e.g. `http://127.0.0.1:4123`. */
  origin: string;
  firstCommit: string;
  send(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

function startGitHost(files: Record<string, string>) {
  const server = createServer((request, response) => {
    const body = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (body === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  return new Promise<typeof server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function layout(dir: string): string {
  write(join(dir, 'catalog', 'all.yaml'), component('config-root'));
  write(join(dir, 'catalog', 'private.yaml'), component('private', PRIVATE_SECRET));
  write(join(dir, 'data', 'leak.yaml'), component('leak', 'from the data directory'));
  write(join(dir, 'repositories', 'app', 'docs', 'readme.md'), 'readme');
  symlinkSync(join(dir, 'data', 'leak.yaml'), join(dir, 'repositories', 'link.yaml'));
  const work = join(dir, 'repositories', 'work');
  mkdirSync(work);
  git(['init', '--quiet', '--initial-branch=main'], work);
  write(join(work, 'catalog-info.yaml'), component('from-git'));
  write(join(work, 'secret.yaml'), component('deleted', HISTORY_SECRET));
  git(['add', '.'], work);
  git(['commit', '--quiet', '-m', 'first'], work);
  const firstCommit = git(['rev-parse', 'HEAD'], work);
  unlinkSync(join(work, 'secret.yaml'));
  git(['commit', '--quiet', '-am', 'remove the secret'], work);
  git(['init', '--quiet', '--bare', '--initial-branch=main', join(dir, 'repositories', 'app.git')]);
  git(['push', '--quiet', join(dir, 'repositories', 'app.git'), 'main'], work);
  return firstCommit;
}

/**
 * Starts the catalog on real SQLite files under `<dir>/data`, with a config file in `<dir>`
 * holding {@link CONFIG_SECRET}, a config location in `<dir>/catalog`, and
 * `catalog.allowedFileRoots` set to `allowedFileRoots` (default `<dir>/repositories`).
 * `remote` maps paths of the http git host to their content.
 */
export async function startReadingProject(
  options: {
    allowedFileRoots?: (dir: string) => string[];
    remote?: (dir: string) => Record<string, string>;
  } = {},
): Promise<ReadingProject> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-reading-'));
  const firstCommit = layout(dir);
  const remote: Record<string, string> = {};
  const server = await startGitHost(remote);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(remote, { '/other/blob/main/secret.txt': REMOTE_SECRET }, options.remote?.(dir));
  const config = join(dir, 'app-config.yaml');
  write(
    config,
    `# ${CONFIG_SECRET}\ncatalog:\n  locations:\n    - { type: file, target: ${JSON.stringify(join(dir, 'catalog', 'all.yaml'))} }\n`,
  );
  const backend = await startTestBackend({
    logger: createCaptureLogger(),
    configPaths: [config],
    features: [catalogPlugin],
    config: {
      backend: {
        database: { client: 'better-sqlite3', connection: { directory: join(dir, 'data') } },
        reading: { allow: [{ host: new URL(origin).host }] },
      },
      catalog: {
        rules: [{ allow: ALL_KINDS }],
        allowedFileRoots: options.allowedFileRoots?.(dir) ?? [join(dir, 'repositories')],
        processing: { pollInterval: { milliseconds: 40 } },
      },
    },
  });
  const token = await backend.userToken();
  return {
    dir,
    backend,
    token,
    origin,
    firstCommit,
    async send(method, path, body) {
      const response = await backend.fetch(`/api/catalog${path}`, {
        token,
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    async stop() {
      await backend.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { component as componentYaml };
