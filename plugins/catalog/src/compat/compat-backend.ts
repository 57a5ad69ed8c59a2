import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CapturedLog,
  createCaptureLogger,
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabase,
  type TestDatabaseKind,
} from '@atrium/test-kit';
import { CatalogClient } from '@backstage/catalog-client';
import { catalogPlugin } from '../backend/index.js';
import { FIXTURE_REFS, generatedLocationName, INVALID_YAML } from './compat-fixtures.js';
import { type StaticFileServer, startStaticFileServer } from './static-file-server.js';

const fixtures = resolve(fileURLToPath(import.meta.url), '../__fixtures__');

/** Every kind the fixtures use; `Widget` is deliberately left out so the rules reject it. */
const ALLOWED_KINDS = [
  'Component',
  'System',
  'API',
  'Resource',
  'Location',
  'Domain',
  'Group',
  'User',
  'Template',
];

/** A catalog backend ingesting the compat fixtures, and a published Backstage client for it. */
export interface CompatBackend {
  backend: TestBackend;
  /** `@backstage/catalog-client` authenticated as a user. */
  client: CatalogClient;
  /** Creates another client that sends `token` (e.g. a service token). */
  clientWithToken(token: string): CatalogClient;
  /** The user token the client sends. */
  token: string;
  /** Raw request to `/api/catalog<path>` with the user token, for what the client hides (headers, status). */
  fetch(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** Writable copy of `__fixtures__/catalog` that the config location points at. */
  catalogDir: string;
  /** The allowed root for `file` registrations, holding `file-registered.yaml`. */
  filesDir: string;
  /** Serves `__fixtures__/repo` for `url` locations. */
  repo: StaticFileServer;
  /** Name of the Location entity generated for the config location. */
  configLocationName: string;
  /** What the backend logged, for diagnosing a failed test. */
  logs: CapturedLog[];
  /** Why the fixture entities were not all served with their relations before the tests started; '' when they were. */
  settleProblem: string;
  stop(): Promise<void>;
}

function prepareFiles(): { root: string; catalogDir: string; filesDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'atrium-catalog-compat-'));
  const catalogDir = join(root, 'catalog');
  const filesDir = join(root, 'files');
  cpSync(join(fixtures, 'catalog'), catalogDir, { recursive: true });
  cpSync(join(fixtures, 'files'), filesDir, { recursive: true });
  writeFileSync(join(catalogDir, 'broken/invalid-yaml.yaml'), INVALID_YAML);
  return { root, catalogDir, filesDir };
}

function createClient(baseUrl: string, token: string): CatalogClient {
  return new CatalogClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// Settled = every fixture served, relations that need two entities' processing present,
// and two consecutive listings identical (stitching has gone quiet).
async function waitUntilSettled(compat: CompatBackend, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let problem = 'never polled';
  let previous = '';
  while (Date.now() < deadline) {
    try {
      const refs = [...FIXTURE_REFS, `location:default/${compat.configLocationName}`];
      const { items } = await compat.client.getEntitiesByRefs({ entityRefs: refs });
      const missing = refs.filter((_, i) => !items[i]);
      const backend = items[refs.indexOf('component:default/shop-backend')];
      const hasInverse = backend?.relations?.some((r) => r.targetRef === 'component:default/deep-worker');
      problem =
        missing.length > 0
          ? `not served: ${missing.join(', ')}`
          : hasInverse
            ? ''
            : 'shop-backend lacks the hasPart relation from deep-worker';
      if (!problem) {
        const { items: all } = await compat.client.getEntities({ fields: ['metadata.uid', 'metadata.etag'] });
        const listing = JSON.stringify(all);
        if (listing === previous) return '';
        previous = listing;
        problem = 'entities still changing';
      }
    } catch (error) {
      problem = (error as Error).message;
    }
    await sleep(250);
  }
  return problem;
}

/**
 * Starts the real catalog plugin on `kind` of database with the compat fixtures as its
 * config location, a local HTTP "git host" for url locations, and a Backstage client.
 *
 * @example
 * const compat = await startCompatBackend('sqlite');
 * await compat.client.getEntityByRef('component:default/shop-backend');
 */
export async function startCompatBackend(kind: TestDatabaseKind): Promise<CompatBackend> {
  const files = prepareFiles();
  // Deeper than `owner/repo`, so no one mistakes it for the root of a GitHub-style repository.
  const repo = await startStaticFileServer(join(fixtures, 'repo'), '/git/acme/monorepo');
  const rootTarget = join(files.catalogDir, 'root.yaml');
  const logger = createCaptureLogger();
  let database: TestDatabase | undefined;
  let backend: TestBackend;
  try {
    database = await createTestDatabase(kind);
    backend = await startTestBackend({
      features: [catalogPlugin],
      logger,
      config: {
        backend: {
          database: database.config,
          reading: { allow: [{ host: repo.host }] },
        },
        catalog: {
          locations: [{ type: 'file', target: rootTarget }],
          rules: [{ allow: ALLOWED_KINDS }],
          // Long, so only the catalog's own scheduling (new entities, refresh, deletes) runs.
          processingInterval: { minutes: 10 },
          allowedFileRoots: [files.filesDir],
        },
      },
    });
  } catch (error) {
    // A backend that fails to boot must not leave a server, schemas or files behind.
    await repo.stop();
    await database?.cleanup();
    rmSync(files.root, { recursive: true, force: true });
    throw error;
  }
  const db = database;
  const token = await backend.userToken('user:default/alice', ['user:default/alice', 'group:default/team-a']);
  const baseUrl = `${backend.url}/api/catalog`;
  const compat: CompatBackend = {
    backend,
    client: createClient(baseUrl, token),
    clientWithToken: (other) => createClient(baseUrl, other),
    token,
    fetch: (path, init = {}) => {
      const { token: given, ...rest } = init;
      return backend.fetch(`/api/catalog${path}`, {
        ...rest,
        token: given === null ? undefined : (given ?? token),
      });
    },
    ...files,
    repo,
    configLocationName: generatedLocationName('file', rootTarget),
    logs: logger.lines,
    settleProblem: '',
    async stop() {
      await backend.stop();
      await repo.stop();
      await db.cleanup();
      rmSync(files.root, { recursive: true, force: true });
    },
  };
  const problem = await waitUntilSettled(compat, 30_000);
  const errors = logger.lines.filter((line) => line.level === 'error').slice(0, 3);
  // A catalog that never settles is explained by its first errors, which tests cannot see otherwise.
  compat.settleProblem =
    problem && [problem, ...errors.map((e) => `logged: ${e.message} ${JSON.stringify(e.meta)}`)].join('\n');
  return compat;
}
