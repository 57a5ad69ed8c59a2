import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BackendFeatureInput, type JsonObject, loadConfig, loadFeatures } from '@atrium/kernel';
import {
  type CaptureLogger,
  createCaptureLogger,
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabase,
  type TestDatabaseKind,
} from '@atrium/test-kit';
import { stringify } from 'yaml';
import { createHttpCaller, type HttpCaller } from './http-caller.js';
import { createMarker, createSecrets, type Secrets } from './secrets.js';
import { readSigningKeys, type SigningKey } from './signing-keys.js';

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '../..');
/** The example config every portal starts from (`npm start`). */
export const shippedConfigFile = join(repoRoot, 'app-config.yaml');

/** A key of the shipped config as a portal running from `root` sees it (`${ATRIUM_ROOT}` resolved). */
export function shippedConfigValue(root: string, key: string): unknown {
  return loadConfig({ configPaths: [shippedConfigFile], rootDir: root, env: {} }).reader.getOptional(key);
}

/** The features `backend.features` of the shipped config lists, loaded the way `atrium start` loads them. */
export async function loadShippedFeatures(): Promise<BackendFeatureInput[]> {
  const { reader } = loadConfig({ configPaths: [shippedConfigFile], rootDir: repoRoot, env: {} });
  return loadFeatures(reader.getOptionalStringArray('backend.features') ?? [], repoRoot);
}

/** Options for {@link startAttackTarget}. */
export interface AttackTargetOptions {
  /** The test's own config, written to a config file loaded after the shipped one (given the portal's folder). */
  config?: JsonObject | ((root: string) => JsonObject);
  /** Features added to the shipped ones (a test permission policy). */
  features?: readonly BackendFeatureInput[];
}

/** A portal under attack: the shipped config in a deployment-like folder, on a real database. */
export interface AttackTarget extends HttpCaller {
  kind: TestDatabaseKind;
  url: string;
  /** The folder the portal runs from (`ATRIUM_ROOT`, the working directory). */
  root: string;
  /** `./data`: the SQLite files on SQLite; never readable on either database. */
  dataDir: string;
  /** `./repositories`, where the example templates publish. */
  repositories: string;
  /** The test's config file, a real file on disk with a planted marker. */
  configFile: string;
  /** A file in the data directory holding a valid entity and a marker. */
  dataSecretFile: string;
  /** Markers and signing keys that no response may carry. */
  secrets: Secrets;
  backend: TestBackend;
  logs: CaptureLogger;
  /** Signs in through the guest provider the way the browser does; the user token. */
  signInAsGuest(): Promise<string>;
  /** The token signing keys, read from the database (for forging tokens with the real key). */
  signingKeys(): Promise<SigningKey[]>;
  stop(): Promise<void>;
}

function prepareRoot(config: AttackTargetOptions['config']) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'atrium-security-')));
  const dataDir = join(root, 'data');
  const repositories = join(root, 'repositories');
  mkdirSync(dataDir);
  mkdirSync(repositories);
  cpSync(join(repoRoot, 'examples'), join(root, 'examples'), { recursive: true });
  const dataMarker = createMarker('data');
  const configMarker = createMarker('config');
  const dataSecretFile = join(dataDir, 'catalog-info.yaml');
  // A valid descriptor: if any path reads it, it would show up as an entity, not just as text.
  writeFileSync(
    dataSecretFile,
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `leaked-${dataMarker.slice(-16)}`, description: dataMarker },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-sre' },
    }),
  );
  writeFileSync(join(dataDir, 'secret.json'), JSON.stringify({ marker: dataMarker }));
  const configFile = join(root, 'app-config.security.yaml');
  const own = typeof config === 'function' ? config(root) : config;
  writeFileSync(configFile, `# ${configMarker}\n${stringify(own ?? {})}`);
  return { root, dataDir, repositories, configFile, dataSecretFile, markers: [dataMarker, configMarker] };
}

/**
 * Starts the shipped portal (its `backend.features` and `app-config.yaml`) plus only what
 * a test needs, from a fresh folder that looks like a deployment: `./data` (the SQLite
 * files, a planted secret), `./repositories`, `./examples` and a config file with a
 * planted marker. It listens on a free loopback port. The working directory is the
 * folder until `stop()`, because the shipped config's relative paths mean "where the
 * portal runs".
 *
 * @example
 * const target = await startAttackTarget('sqlite');
 * const token = await target.signInAsGuest();
 */
export async function startAttackTarget(
  kind: TestDatabaseKind,
  options: AttackTargetOptions = {},
): Promise<AttackTarget> {
  const prepared = prepareRoot(options.config);
  const database: TestDatabase = await createTestDatabase(kind, { sqliteDirectory: prepared.dataDir });
  const logs = createCaptureLogger();
  const previousCwd = process.cwd();
  process.chdir(prepared.root);
  let backend: TestBackend;
  try {
    backend = await startTestBackend({
      features: [...(await loadShippedFeatures()), ...(options.features ?? [])],
      configPaths: [shippedConfigFile, prepared.configFile],
      config: {
        backend: { database: database.config },
        // The bundle lives in the repository, not in the deployment folder.
        app: { bundleDir: join(repoRoot, 'apps/web/dist') },
        // Task workspaces of its own: a backend sweeps the shared default folder at startup,
        // removing workspaces of tasks its own database does not know (other tests' backends).
        scaffolder: { workingDirectory: join(prepared.root, 'workspaces') },
      },
      env: { NODE_ENV: 'test' },
      logger: logs,
    });
  } catch (error) {
    process.chdir(previousCwd);
    await database.cleanup();
    throw error;
  }
  const caller = createHttpCaller(backend.url);
  const secrets = createSecrets(prepared.markers);
  return {
    ...caller,
    kind,
    url: backend.url,
    root: prepared.root,
    dataDir: prepared.dataDir,
    repositories: prepared.repositories,
    configFile: prepared.configFile,
    dataSecretFile: prepared.dataSecretFile,
    secrets,
    backend,
    logs,
    async signInAsGuest() {
      const reply = await caller.call('GET', '/api/auth/guest/refresh', {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      if (reply.status !== 200) throw new Error(`guest sign-in failed: ${reply.status} ${reply.text}`);
      const token = (reply.json as { backstageIdentity: { token: string } }).backstageIdentity.token;
      // The key exists once a token was signed; from now on it must never leave the server.
      for (const key of await readSigningKeys(database)) secrets.add(key.privateJwk.d ?? '');
      return token;
    },
    signingKeys: () => readSigningKeys(database),
    async stop() {
      try {
        await backend.stop();
      } finally {
        process.chdir(previousCwd);
        await database.cleanup();
        rmSync(prepared.root, { recursive: true, force: true });
      }
    },
  };
}
