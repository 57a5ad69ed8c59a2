import { ConflictError } from '@atrium/errors';
import type { DatabaseService } from '@atrium/kernel';
import type { ExtensionEntry } from '../../common/frontend-state.js';
import type { AppTables } from './migrations.js';

/** The overrides saved in the UI. */
export interface StoredLayout {
  overrides: ExtensionEntry[];
  revision: number;
  updatedBy?: string;
  updatedAt?: string;
}

/** Reads and writes the layout overrides (one row). */
export interface LayoutStore {
  get(): Promise<StoredLayout>;
  /** Replaces the overrides; refuses when `expectedRevision` is not the stored one. */
  save(overrides: ExtensionEntry[], by: string, expectedRevision?: number): Promise<StoredLayout>;
}

const ROW = 'current';

function toLayout(row: AppTables['app_layout'] | undefined): StoredLayout {
  if (!row) return { overrides: [], revision: 0 };
  const layout: StoredLayout = { overrides: JSON.parse(row.entries), revision: Number(row.revision) };
  if (row.updated_by) layout.updatedBy = row.updated_by;
  if (row.updated_at) layout.updatedAt = row.updated_at;
  return layout;
}

/**
 * The layout overrides in the plugin's database: a save is a transaction that checks the
 * revision it was made from, so two admins never silently overwrite each other.
 *
 * @example
 * const store = createLayoutStore(deps.database);
 * await store.save([{ 'nav-item:search': false }], 'user:default/ada', 3);
 */
export function createLayoutStore(database: DatabaseService): LayoutStore {
  const read = async () => {
    const db = await database.getClient<AppTables>();
    return toLayout(await db.selectFrom('app_layout').selectAll().where('id', '=', ROW).executeTakeFirst());
  };
  return {
    get: read,
    save: (overrides, by, expectedRevision) =>
      database.transaction<AppTables, StoredLayout>(async (trx) => {
        const row = await trx.selectFrom('app_layout').selectAll().where('id', '=', ROW).executeTakeFirst();
        const current = toLayout(row);
        if (expectedRevision !== undefined && expectedRevision !== current.revision) {
          throw new ConflictError(
            `the layout was saved by ${current.updatedBy ?? 'someone else'} since you loaded it (revision ${current.revision}, yours ${expectedRevision}); reload it and apply your change again`,
          );
        }
        const next = {
          id: ROW,
          entries: JSON.stringify(overrides),
          revision: current.revision + 1,
          updated_by: by,
          updated_at: new Date().toISOString(),
        };
        // Guarded by the revision read: a concurrent save makes this update no row.
        const result = await trx
          .updateTable('app_layout')
          .set(next)
          .where('id', '=', ROW)
          .where('revision', '=', current.revision)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1)
          throw new ConflictError(
            'the layout was saved by someone else at the same time; reload it and apply your change again',
          );
        return toLayout(next);
      }),
  };
}
