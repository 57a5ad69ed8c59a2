import type { Migrations } from '@atrium/kernel';

/** The plugin manager's migrations. Append-only: never edit a released one. */
export const pluginsMigrations: Migrations = {
  '0001_plugins': {
    async up(db) {
      await db.schema
        .createTable('plugins_installed')
        .addColumn('plugin_id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('package_name', 'varchar(214)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('enabled_version', 'varchar(100)')
        .addColumn('previous_version', 'varchar(100)')
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('plugins_versions')
        .addColumn('plugin_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('version', 'varchar(100)', (c) => c.notNull())
        .addColumn('source', 'varchar(1200)', (c) => c.notNull())
        .addColumn('integrity', 'varchar(200)', (c) => c.notNull())
        .addColumn('installed_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('declaration', 'text', (c) => c.notNull())
        .addColumn('tarball', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plugins_versions_pk', ['plugin_id', 'version'])
        .execute();
      await db.schema
        .createTable('plugins_history')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('time_ms', 'bigint', (c) => c.notNull())
        .addColumn('plugin_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('action', 'varchar(32)', (c) => c.notNull())
        .addColumn('version', 'varchar(100)')
        .addColumn('actor', 'varchar(512)')
        .addColumn('message', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('plugins_history_time')
        .on('plugins_history')
        .columns(['time_ms', 'id'])
        .execute();
      await db.schema
        .createTable('plugins_backend_status')
        .addColumn('backend_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('plugin_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('version', 'varchar(100)')
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('plugins_backend_status_pk', ['backend_id', 'plugin_id'])
        .execute();
      await db.schema
        .createTable('plugins_backends')
        .addColumn('backend_id', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('last_seen_ms', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};
