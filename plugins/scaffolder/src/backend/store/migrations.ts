import type { MigrationDb, Migrations } from '@atrium/kernel';

// Of the two supported dialects only PostgreSQL has transactional DDL. `instanceof
// PostgresAdapter` would be wrong: the kernel's bundle carries its own copy of Kysely.
function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter.supportsTransactionalDdl;
}

function templateRefOfSpec(spec: string): string | undefined {
  try {
    const ref = (JSON.parse(spec) as { templateInfo?: { entityRef?: unknown } }).templateInfo?.entityRef;
    return typeof ref === 'string' ? ref.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The scaffolder's migrations. Append-only: never edit a released one. */
export const scaffolderMigrations: Migrations = {
  '0001_tasks_events_settings': {
    async up(db) {
      await db.schema
        .createTable('scaffolder_tasks')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'varchar(512)')
        .addColumn('initiator', 'text')
        .addColumn('last_heartbeat_at', 'bigint')
        .addColumn('worker_id', 'varchar(255)')
        .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('secrets', 'text')
        .addColumn('cancel_requested_at', 'bigint')
        .addColumn('state', 'text')
        .execute();
      // Workers scan for the oldest open task; the janitor for stale processing ones.
      await db.schema
        .createIndex('scaffolder_tasks_status_created')
        .on('scaffolder_tasks')
        .columns(['status', 'created_at'])
        .execute();
      // A serial id on PostgreSQL, an autoincrementing rowid on SQLite: both only grow.
      await db.schema
        .createTable('scaffolder_task_events')
        .addColumn('id', isPostgres(db) ? 'bigserial' : 'integer', (c) =>
          isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('task_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('event_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('scaffolder_task_events_task')
        .on('scaffolder_task_events')
        .columns(['task_id', 'id'])
        .execute();
      await db.schema
        .createTable('scaffolder_settings')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_task_template_ref': {
    async up(db) {
      // The template a task was created from, as a column: who may read a task depends on
      // whether they may read its template, also when listing.
      await db.schema.alterTable('scaffolder_tasks').addColumn('template_ref', 'varchar(512)').execute();
      const rows = await db.selectFrom('scaffolder_tasks').select(['id', 'spec']).execute();
      for (const row of rows as Array<{ id: string; spec: string }>) {
        const ref = templateRefOfSpec(row.spec);
        if (ref)
          await db
            .updateTable('scaffolder_tasks')
            .set({ template_ref: ref })
            .where('id', '=', row.id)
            .execute();
      }
    },
  },
};
