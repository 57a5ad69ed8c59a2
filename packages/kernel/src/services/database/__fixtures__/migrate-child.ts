import { appendFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Migrations } from '../../../definitions/migrations.js';
import { createDatabaseManager } from '../create-database-manager.js';
import { databaseConfigSchema } from '../database-config.js';

// A separate process that migrates the plugin 'notes' in `directory` and prints what it
// applied. Each migration appends its name to `log` (outside the database, so a rolled back
// run still shows) and takes a while, so processes started together overlap.
const [directory, log] = process.argv.slice(2) as [string, string];
const slow = (name: string, statement: string): Migrations[string] => ({
  async up(db) {
    appendFileSync(log, `${name}\n`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await sql.raw(statement).execute(db);
  },
});
const migrations: Migrations = {
  '0001_notes': slow('0001_notes', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)'),
  '0002_notes_author': slow('0002_notes_author', 'ALTER TABLE notes ADD COLUMN author TEXT'),
};
const manager = createDatabaseManager(
  databaseConfigSchema.parse({ client: 'better-sqlite3', connection: { directory } }),
);
try {
  const applied = await manager.migrate('notes', migrations);
  process.stdout.write(`${JSON.stringify(applied)}\n`);
} finally {
  await manager.close();
}
