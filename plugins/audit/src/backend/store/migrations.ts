import { type MigrationContext, type MigrationDb, type Migrations, sql } from '@atrium/kernel';

/** Refuses UPDATE on the table: the log is append-only (retention only deletes). */
async function forbidUpdates(db: MigrationDb, context: MigrationContext): Promise<void> {
  if (context.client === 'postgres') {
    await sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
}

/** The audit plugin's migrations. Append-only: never edit a released one. */
export const auditMigrations: Migrations = {
  '0001_audit_events': {
    async up(db, context) {
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('time_ms', 'bigint', (c) => c.notNull())
        .addColumn('plugin_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('event_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('severity', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor_id', 'varchar(512)')
        .addColumn('actor_type', 'varchar(16)', (c) => c.notNull())
        .addColumn('target', 'varchar(1024)')
        .addColumn('request_id', 'varchar(255)')
        .addColumn('request_url', 'text')
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      // Every page is newest first (time, then id); retention deletes by time.
      await db.schema
        .createIndex('audit_events_time')
        .on('audit_events')
        .columns(['time_ms', 'id'])
        .execute();
      // The viewer's usual narrowing filters.
      await db.schema
        .createIndex('audit_events_event_time')
        .on('audit_events')
        .columns(['event_id', 'time_ms'])
        .execute();
      await db.schema.createIndex('audit_events_target').on('audit_events').columns(['target']).execute();
      await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor_id']).execute();
      await forbidUpdates(db, context);
    },
  },
};
