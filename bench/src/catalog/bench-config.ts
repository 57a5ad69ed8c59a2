import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Where the benchmarked backend keeps its data. */
export type BenchDatabase =
  | { kind: 'sqlite'; directory: string }
  | { kind: 'postgres'; connection: string; prefix: string };

/** Options of {@link writeBenchConfig}. */
export interface BenchConfigOptions {
  /** Directory the app-config.yaml is written to. */
  directory: string;
  /** Absolute path of the generated root Location file. */
  rootFile: string;
  /** Directory the backend may read catalog files from. */
  catalogDirectory: string;
  database: BenchDatabase;
  processingIntervalSeconds: number;
  /** Backend features instead of auth, catalog and audit (another benchmark adds its plugin). */
  features?: string[];
  /** Top-level config sections to add (e.g. `scorecards`). */
  extraConfig?: Record<string, unknown>;
}

/** Every kind the generator writes, so `catalog.rules` rejects nothing. */
export const ALL_KINDS = [
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

/** A fresh PostgreSQL schema prefix, so concurrent or aborted runs never share tables. */
export function uniquePrefix(): string {
  return `bench_${randomBytes(4).toString('hex')}_`;
}

/**
 * Writes the app-config.yaml of one benchmark run: auth, catalog and audit plugins, a static
 * external access token for the benchmark client, the generated catalog as the only
 * location, every kind allowed, and loopback-only listening on a random port.
 *
 * @example
 * const { file, token } = writeBenchConfig({ directory, rootFile, catalogDirectory, database, processingIntervalSeconds: 60 });
 */
export function writeBenchConfig(options: BenchConfigOptions): { file: string; token: string } {
  const token = randomBytes(24).toString('hex');
  const database =
    options.database.kind === 'sqlite'
      ? { client: 'better-sqlite3', connection: { directory: options.database.directory } }
      : { client: 'pg', connection: options.database.connection, prefix: options.database.prefix };
  const config = {
    backend: {
      listen: { host: '127.0.0.1', port: 0 },
      database,
      features: options.features ?? [
        '@atrium/auth/backend',
        '@atrium/catalog/backend',
        '@atrium/audit/backend',
      ],
      auth: { externalAccess: [{ type: 'static', options: { token, subject: 'atrium-bench' } }] },
    },
    catalog: {
      locations: [{ type: 'file', target: options.rootFile }],
      allowedFileRoots: [options.catalogDirectory],
      rules: [{ allow: ALL_KINDS }],
      processingInterval: { seconds: options.processingIntervalSeconds },
    },
    ...options.extraConfig,
  };
  const file = join(options.directory, 'app-config.yaml');
  writeFileSync(file, stringify(config));
  return { file, token };
}
