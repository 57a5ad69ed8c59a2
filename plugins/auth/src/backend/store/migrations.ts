import { type Migrations, sql } from '@atrium/kernel';

/** The auth plugin's migrations. Append-only: never edit a released one. */
export const authMigrations: Migrations = {
  '0001_flows_and_refresh_sessions': {
    async up(db) {
      // One row per sign-in in progress (between /start and /handler/frame), used once.
      await db.schema
        .createTable('auth_flows')
        .addColumn('state', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('provider', 'varchar(64)', (c) => c.notNull())
        .addColumn('nonce', 'varchar(128)', (c) => c.notNull())
        .addColumn('code_verifier', 'varchar(128)', (c) => c.notNull())
        .addColumn('flow', 'varchar(16)', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      // Refresh sessions: the cookie holds a random secret, the table only its SHA-256.
      await db.schema
        .createTable('auth_refresh_sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('secret_hash', 'varchar(128)', (c) => c.notNull().unique())
        .addColumn('provider', 'varchar(64)', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('user_entity_ref', 'varchar(512)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
    },
  },
  // Rotation: each refresh replaces the cookie's secret with a new row of the same family;
  // the old row is kept, marked rotated, so a replay of it is recognised (and ends the family).
  '0002_refresh_session_families': {
    async up(db) {
      await db.schema.alterTable('auth_refresh_sessions').addColumn('family_id', 'varchar(64)').execute();
      await db.schema.alterTable('auth_refresh_sessions').addColumn('rotated_at', 'bigint').execute();
      await db
        .updateTable('auth_refresh_sessions' as never)
        .set({ family_id: sql`id` } as never)
        .execute();
      await db.schema
        .createIndex('auth_refresh_sessions_family')
        .on('auth_refresh_sessions')
        .column('family_id')
        .execute();
    },
  },
};
