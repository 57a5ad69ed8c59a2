import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchDatabase, uniquePrefix, writeBenchConfig } from './bench-config.js';
import { type CatalogHttp, createCatalogHttp } from './catalog-http.js';
import { dropSchemas } from './drop-schemas.js';
import type { GeneratedCatalog } from './generate-catalog.js';
import { type BackendProcess, startBackendProcess } from './start-backend-process.js';

/** One backend process serving a generated catalog from a fresh database. */
export interface Session {
  backend: BackendProcess;
  http: CatalogHttp;
  /** A description of the database, for messages (`sqlite in /tmp/...`, `postgres prefix bench_..._`). */
  database: string;
  /** Where the data is, to start another process on it. */
  databaseConfig: BenchDatabase;
  /** Stops the process, then drops the PostgreSQL schemas it created. */
  stop(): Promise<void>;
}

/** Options of {@link startSession}. */
export interface SessionOptions {
  repo: string;
  db: 'sqlite' | 'postgres';
  pgUrl: string;
  /** A new directory for config, SQLite files and logs. */
  directory: string;
  catalog: GeneratedCatalog;
  processingIntervalSeconds: number;
  /** Reuse this database (a second process over what the first one ingested). */
  database?: BenchDatabase;
  features?: string[];
  extraConfig?: Record<string, unknown>;
}

/**
 * Writes the config for a fresh database and spawns `apps/backend/dist/main.js` on it with
 * NODE_ENV=production, as an operator would run it.
 *
 * @example
 * const session = await startSession({ repo, db: 'sqlite', pgUrl, directory, catalog, processingIntervalSeconds: 60 });
 */
export async function startSession(options: SessionOptions): Promise<Session> {
  mkdirSync(options.directory, { recursive: true });
  const database: BenchDatabase =
    options.database ??
    (options.db === 'sqlite'
      ? { kind: 'sqlite', directory: join(options.directory, 'data') }
      : { kind: 'postgres', connection: options.pgUrl, prefix: uniquePrefix() });
  const { file, token } = writeBenchConfig({
    directory: options.directory,
    rootFile: options.catalog.rootFile,
    catalogDirectory: options.catalog.directory,
    database,
    processingIntervalSeconds: options.processingIntervalSeconds,
    ...(options.features ? { features: options.features } : {}),
    ...(options.extraConfig ? { extraConfig: options.extraConfig } : {}),
  });
  const dropDatabase = async () => {
    if (database.kind === 'postgres') await dropSchemas(database.connection, database.prefix);
  };
  let backend: BackendProcess;
  try {
    // ATRIUM_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the backend.
    const nodeArgs = (process.env.ATRIUM_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const main = join(options.repo, 'apps/backend/dist/main.js');
    backend = await startBackendProcess([...nodeArgs, main, '--config', file], {
      cwd: options.repo,
      logFile: join(options.directory, 'backend.log'),
      env: { NODE_ENV: 'production' },
    });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    backend,
    http: createCatalogHttp(backend.port, token),
    databaseConfig: database,
    database:
      database.kind === 'sqlite'
        ? `sqlite in ${database.directory}`
        : `postgres, schema prefix ${database.prefix}`,
    async stop() {
      await backend.stop();
      await dropDatabase();
    },
  };
}
