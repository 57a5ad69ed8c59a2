import { AtriumError } from '@atrium/errors';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { MigrationDb, Migrations } from '../../definitions/migrations.js';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { DatabaseClient } from './database-service.js';

/**
 * Applies a plugin's pending migrations in name order. The caller holds the plugin's
 * database alone meanwhile (the schema's advisory lock on PostgreSQL, the file's write lock
 * on SQLite), so backends starting together apply each migration once.
 */
export async function runMigrations(
  pluginId: string,
  db: MigrationDb,
  migrations: Migrations,
  client: DatabaseClient,
  schema?: string,
): Promise<string[]> {
  if (Object.keys(migrations).length === 0) return [];
  const context = { client };
  // Plugins learn the dialect from the kernel, not from instanceof checks on Kysely classes:
  // the kernel ships as a bundle with its own copy of Kysely.
  const wrapped: Record<string, Migration> = Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [
      name,
      {
        up: (db: MigrationDb) => m.up(db, context),
        down: m.down ? (db: MigrationDb) => m.down!(db, context) : undefined,
      },
    ]),
  );
  const provider: MigrationProvider = { getMigrations: async () => wrapped };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'atrium_migrations',
    migrationLockTableName: 'atrium_migrations_lock',
    // Without the schema, Kysely looks for its tables in every schema of the database and
    // would take another plugin's (or another test's) migration table for this one's.
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration: reading or creating the migration tables failed, before any ran.
    const message = failed
      ? `migration '${failed}' of plugin '${pluginId}' failed: ${(error as Error).message}. Migrations are append-only: fix forward with a new migration`
      : `could not read the applied migrations of plugin '${pluginId}': ${(error as Error).message}`;
    throw new AtriumError(kernelErrorCodes.DATABASE_MIGRATION_FAILED, message, {
      cause: error,
      details: { pluginId, migration: failed ?? null },
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
