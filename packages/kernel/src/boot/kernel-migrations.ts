import type { Migrations } from '../definitions/migrations.js';

/** The kernel's own tables: token signing keys, sign-in sessions, scheduler leases and large events. Append-only. */
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
  // Sign-out must end a token's validity on every backend sharing the database: user
  // tokens name their session (sid) and a revoked session is refused.
  '0002_auth_sessions': {
    async up(db) {
      await db.schema
        .createTable('atrium_auth_sessions')
        .ifNotExists()
        .addColumn('sid', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_entity_ref', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      // Backends poll recent revocations; expired rows are pruned by expiry.
      await db.schema
        .createIndex('atrium_auth_sessions_revoked_at')
        .ifNotExists()
        .on('atrium_auth_sessions')
        .column('revoked_at')
        .execute();
      await db.schema
        .createIndex('atrium_auth_sessions_expires_at')
        .ifNotExists()
        .on('atrium_auth_sessions')
        .column('expires_at')
        .execute();
    },
  },
  // Events too large for a PostgreSQL notification travel through this table, by id.
  '0003_event_payloads': {
    async up(db) {
      await db.schema
        .createTable('atrium_event_payloads')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('atrium_event_payloads_created_at')
        .on('atrium_event_payloads')
        .column('created_at')
        .execute();
    },
  },
  // Scheduled tasks are claimed through the work queue, which counts attempts.
  '0004_scheduler_attempts': {
    async up(db) {
      await db.schema
        .alterTable('atrium_scheduler_tasks')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};
