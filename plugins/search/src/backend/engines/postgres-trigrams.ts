import { sql } from '@atrium/kernel';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: reads only the PostgreSQL catalog.
type AnyDb = Kysely<any>;

/** The schema pg_trgm is installed in, or `undefined` when it is not installed. */
export async function findTrigramSchema(db: AnyDb): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  const schema = rows[0]?.schema;
  // The name is spliced into SQL as an identifier: accept only plain ones.
  return schema && /^[a-z_][a-z0-9_]*$/.test(schema) ? schema : undefined;
}

/**
 * Installs pg_trgm (typo and prefix matching) in `public` unless some schema has it,
 * answering the schema that has it. A role that may not create extensions gets
 * `undefined`: search then works without typo matching, and the plugin says so at start.
 */
export async function createTrigramExtension(db: AnyDb): Promise<string | undefined> {
  const existing = await findTrigramSchema(db);
  if (existing) return existing;
  // Migrations run in one transaction: a refused CREATE EXTENSION must roll back to a
  // savepoint, or it would abort the whole migration.
  await sql`savepoint search_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint search_pg_trgm`.execute(db);
  } catch {
    // Not allowed (or raced by another backend): whatever is installed now decides.
    await sql`rollback to savepoint search_pg_trgm`.execute(db);
  }
  return findTrigramSchema(db);
}
