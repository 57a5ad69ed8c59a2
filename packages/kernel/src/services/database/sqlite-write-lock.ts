import { sql } from 'kysely';
import type { MigrationDb } from '../../definitions/migrations.js';

/** Each attempt waits up to the connection's busy timeout (5 s) for another writer. */
const BEGIN_ATTEMPTS = 12;

/**
 * Runs `fn` in one `BEGIN IMMEDIATE` transaction: it takes the file's write lock before the
 * migrator reads what was applied, so a second process migrating the same file waits for
 * this one and then finds the migrations applied. SQLite's DDL is transactional, so a
 * migration that fails leaves nothing behind.
 *
 * @example
 * await withSqliteWriteLock(db, (db) => runMigrations('catalog', db, migrations, 'sqlite'));
 */
export async function withSqliteWriteLock<T>(
  db: MigrationDb,
  fn: (db: MigrationDb) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`BEGIN IMMEDIATE`.execute(db);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= BEGIN_ATTEMPTS) throw error;
    }
  }
  try {
    const result = await fn(db);
    await sql`COMMIT`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw error;
  }
}
