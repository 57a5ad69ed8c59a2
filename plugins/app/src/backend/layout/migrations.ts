import type { Migrations } from '@atrium/kernel';

/** The app plugin's migrations. Append-only: never edit a released one. */
export const appMigrations: Migrations = {
  '0001_layout_overrides': {
    async up(db) {
      // One row ('current'): the overrides as an app.extensions JSON array.
      await db.schema
        .createTable('app_layout')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('entries', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(512)')
        .addColumn('updated_at', 'varchar(40)')
        .execute();
      // Present from the start, so a save is always an update guarded by the revision.
      await db
        .insertInto('app_layout')
        .values({ id: 'current', entries: '[]', revision: 0, updated_by: null, updated_at: null })
        .execute();
    },
  },
};

/** The app plugin's tables. */
export interface AppTables {
  app_layout: {
    id: string;
    entries: string;
    revision: number;
    updated_by: string | null;
    updated_at: string | null;
  };
}
