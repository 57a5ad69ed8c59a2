import type { Migrations } from '@atrium/kernel';

/** The RBAC plugin's migrations. Append-only: never edit a released one. */
export const rbacMigrations: Migrations = {
  '0001_versions_and_draft': {
    async up(db) {
      // Every published policy, immutable; the highest version is the live one.
      await db.schema
        .createTable('rbac_policy_versions')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addColumn('published_by', 'varchar(512)', (c) => c.notNull())
        .addColumn('source', 'varchar(16)', (c) => c.notNull())
        .addColumn('message', 'text')
        .execute();
      // One row: the draft the editor works on.
      await db.schema
        .createTable('rbac_draft')
        .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('base_version', 'integer')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(512)', (c) => c.notNull())
        .execute();
    },
  },
};
