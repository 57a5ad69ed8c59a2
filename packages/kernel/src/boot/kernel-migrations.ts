import type { Migrations } from '../definitions/migrations.js';

/** The kernel's own tables: token signing keys and scheduler leases. Append-only. */
export const kernelMigrations: Migrations = {
  '0001_auth_keys_and_scheduler': {
    async up(db) {
      await db.schema
        .createTable('atrium_auth_keys')
        .ifNotExists()
        .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('private_jwk', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('atrium_scheduler_tasks')
        .ifNotExists()
        .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('next_run_at', 'bigint')
        .addColumn('lease_owner', 'varchar(255)')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('last_run_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('settings', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
