import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';

const secret = { visibility: 'secret' } as const;

// One per core beside the event loop's, at least two (so one long read does not hold up the rest).
const defaultReadWorkers = Math.min(4, Math.max(2, availableParallelism() - 1));

/** `backend.database`, in Backstage's shape. */
export const databaseConfigSchema = z
  .object({
    client: z.enum(['better-sqlite3', 'sqlite3', 'pg']).default('better-sqlite3'),
    connection: z
      .union([
        z.string().meta(secret),
        z.object({ directory: z.string() }),
        z
          .object({
            host: z.string().optional(),
            port: z.coerce.number().int().optional(),
            user: z.string().optional(),
            password: z.string().optional().meta(secret),
            database: z.string().optional(),
            connectionString: z.string().optional().meta(secret),
          })
          .loose(),
      ])
      .optional(),
    /** PostgreSQL: schemas are named `<prefix><pluginId>`. */
    prefix: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'must be lowercase letters, digits and _')
      .default('atrium_'),
    /**
     * SQLite files: worker threads per plugin for its heavy reads (`getWorkerReader`: full-text
     * ranking in search), so they run beside the event loop and on the other cores.
     */
    readWorkers: z.number().int().min(1).max(16).default(defaultReadWorkers),
    /**
     * Connections per plugin pool (PostgreSQL): at most `max`. `min` of them (by default 2,
     * or `max` if lower, as knex keeps for Backstage) stay open when idle, the rest close
     * after `idleTimeoutMillis`: a new session's first large queries ran 3-4 times slower
     * (148-161 ms against 37-46 for a search matching 13k documents) while it warmed up.
     */
    pool: z
      .object({
        min: z.number().int().min(0).optional(),
        max: z.number().int().positive().default(10),
        idleTimeoutMillis: z.number().int().positive().default(10_000),
      })
      .refine((pool) => pool.min === undefined || pool.min <= pool.max, {
        message: 'must not be above pool.max',
        path: ['min'],
      })
      .prefault({}),
  })
  .prefault({});

/** Parsed `backend.database`. */
export type DatabaseConfig = z.output<typeof databaseConfigSchema>;

/**
 * The folders SQLite files live in (the configured directory, `./data` by default, and a
 * Backstage-style `connection.filename`'s folder), which no file read may reach, whatever
 * the client: files of an earlier SQLite run hold signing keys too.
 *
 * @example
 * sqliteDataDirectories(databaseConfigSchema.parse({})); // [{ path: './data', setting: 'backend.database.connection.directory' }]
 */
export function sqliteDataDirectories(config: DatabaseConfig): Array<{ path: string; setting: string }> {
  const connection = config.connection;
  const object = typeof connection === 'object' ? (connection as Record<string, unknown>) : {};
  const directory = typeof object.directory === 'string' ? object.directory : './data';
  const out = [{ path: directory, setting: 'backend.database.connection.directory' }];
  if (typeof object.filename === 'string' && object.filename !== ':memory:')
    out.push({ path: dirname(object.filename), setting: 'backend.database.connection.filename' });
  return out;
}
