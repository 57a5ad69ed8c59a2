import type { Kysely } from 'kysely';

/** The SQL dialects Atrium supports. */
export type DatabaseClient = 'sqlite' | 'postgres';

/**
 * A plugin's own database: a SQLite file of its own, or a PostgreSQL schema of its own.
 * The plugin's migrations have run before its init sees this.
 */
export interface DatabaseService {
  readonly client: DatabaseClient;
  // biome-ignore lint/suspicious/noExplicitAny: the plugin supplies its own table types.
  getClient<DB = any>(): Promise<Kysely<DB>>;
}
