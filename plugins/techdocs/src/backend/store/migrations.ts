import type { MigrationDb, Migrations } from '@atrium/kernel';

// `instanceof PostgresAdapter` would be wrong: the kernel's bundle carries its own Kysely.
function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter.supportsTransactionalDdl;
}

/** The techdocs plugin's migrations. Append-only: never edit a released one. */
export const techdocsMigrations: Migrations = {
  '0001_sites_and_files': {
    async up(db) {
      // One row per documented entity and version: its build state, and the work queue's
      // lease columns (a build is an item of the kernel's work queue).
      await db.schema
        .createTable('techdocs_sites')
        .addColumn('id', 'varchar(600)', (c) => c.primaryKey())
        .addColumn('entity_ref', 'varchar(512)', (c) => c.notNull())
        .addColumn('version', 'varchar(80)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('site_name', 'text', (c) => c.notNull())
        .addColumn('site_description', 'text', (c) => c.notNull())
        .addColumn('nav', 'text', (c) => c.notNull())
        .addColumn('log', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('etag', 'varchar(64)')
        .addColumn('build_timestamp', 'bigint')
        .addColumn('requested_at', 'bigint', (c) => c.notNull())
        .addColumn('due_at', 'bigint')
        .addColumn('lease_owner', 'varchar(255)')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('techdocs_sites_entity')
        .on('techdocs_sites')
        .column('entity_ref')
        .execute();
      // Every published file of a site; pages keep their source hash so an unchanged page
      // is never rendered again, and their title and text for the reader and search.
      await db.schema
        .createTable('techdocs_files')
        .addColumn('site_id', 'varchar(600)', (c) => c.notNull())
        .addColumn('path', 'varchar(1024)', (c) => c.notNull())
        .addColumn('page_path', 'varchar(1024)')
        .addColumn('content_type', 'varchar(128)', (c) => c.notNull())
        .addColumn('source_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('toc', 'text')
        .addColumn('edit_url', 'text')
        .addColumn('text', 'text')
        .addColumn('warnings', 'text')
        .addColumn('body', isPostgres(db) ? 'bytea' : 'blob')
        .addPrimaryKeyConstraint('techdocs_files_pk', ['site_id', 'path'])
        .execute();
    },
  },
};
