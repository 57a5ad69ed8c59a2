import type { Kysely } from 'kysely';

/** The database handle migrations receive; plugins type their own tables. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before a plugin's table types exist.
export type MigrationDb = Kysely<any>;

/** What a migration knows about where it runs, for the rare dialect-specific statement. */
export interface MigrationContext {
  client: 'sqlite' | 'postgres';
}

/** One schema change of a plugin. Migrations are append-only: never edit a released one. */
export interface Migration {
  up(db: MigrationDb, context: MigrationContext): Promise<void>;
  down?(db: MigrationDb, context: MigrationContext): Promise<void>;
}

/**
 * A plugin's migrations keyed by a name that sorts in the order they must run,
 * e.g. `0001_create_entities`.
 */
export type Migrations = Readonly<Record<string, Migration>>;
