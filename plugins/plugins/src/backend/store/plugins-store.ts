import { randomUUID } from 'node:crypto';
import { ConflictError } from '@atrium/errors';
import type { DatabaseService } from '@atrium/kernel';
import type { Kysely, Transaction } from 'kysely';
import type {
  BackendPluginStatus,
  InstalledPlugin,
  PluginDeclaration,
  PluginHistoryEvent,
} from '../../common/index.js';
import type { BackendStatusRow, InstalledRow, PluginsTables, VersionRow } from './tables.js';

/** A change of desired state. */
export type DesiredPatch = Partial<
  Pick<InstalledRow, 'state' | 'enabled_version' | 'previous_version' | 'config'>
>;

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

function statusOf(row: BackendStatusRow): BackendPluginStatus {
  return {
    backendId: row.backend_id,
    version: row.version,
    state: row.state as BackendPluginStatus['state'],
    ...(row.error ? { error: row.error } : {}),
    updatedAt: iso(row.updated_at_ms),
  };
}

async function toPlugin(db: Kysely<PluginsTables>, row: InstalledRow): Promise<InstalledPlugin> {
  const versions = await db
    .selectFrom('plugins_versions')
    .select(['version', 'source', 'integrity', 'installed_at_ms', 'declaration'])
    .where('plugin_id', '=', row.plugin_id)
    .orderBy('installed_at_ms')
    .execute();
  const backends = await db
    .selectFrom('plugins_backend_status')
    .selectAll()
    .where('plugin_id', '=', row.plugin_id)
    .execute();
  return {
    id: row.plugin_id,
    packageName: row.package_name,
    role: row.role as InstalledPlugin['role'],
    state: row.state as InstalledPlugin['state'],
    enabledVersion: row.enabled_version,
    config: JSON.parse(row.config),
    versions: versions.map((v) => ({
      version: v.version,
      source: v.source,
      integrity: v.integrity,
      installedAt: iso(v.installed_at_ms),
      declaration: JSON.parse(v.declaration) as PluginDeclaration,
    })),
    backends: backends.map(statusOf),
    updatedAt: iso(row.updated_at_ms),
  };
}

const installedRowOf = (db: Kysely<PluginsTables>, pluginId: string) =>
  db.selectFrom('plugins_installed').selectAll().where('plugin_id', '=', pluginId).executeTakeFirst();
const versionRowOf = (db: Kysely<PluginsTables>, pluginId: string, version: string) =>
  db
    .selectFrom('plugins_versions')
    .selectAll()
    .where('plugin_id', '=', pluginId)
    .where('version', '=', version)
    .executeTakeFirst();

const insertInstalled = (
  tx: Transaction<PluginsTables>,
  pluginId: string,
  packageName: string,
  role: string,
) =>
  tx
    .insertInto('plugins_installed')
    .values({
      plugin_id: pluginId,
      package_name: packageName,
      role,
      state: 'disabled',
      enabled_version: null,
      previous_version: null,
      config: '{}',
      revision: 1,
      updated_at_ms: Date.now(),
    })
    .execute();

/**
 * Stores a version; false when the same bytes were stored already. Different bytes under
 * one version conflict. The checks and inserts are one transaction, serializable on
 * PostgreSQL, so of two backends storing the same version at once the one that loses
 * runs again and finds the other's row instead of failing on its key.
 */
function addVersion(
  database: DatabaseService,
  row: VersionRow,
  packageName: string,
  role: string,
): Promise<boolean> {
  return database.transaction<PluginsTables, boolean>(
    async (tx) => {
      const existing = await versionRowOf(tx, row.plugin_id, row.version);
      if (existing?.integrity === row.integrity) return false;
      if (existing)
        throw new ConflictError(
          `plugin '${row.plugin_id}' version ${row.version} is installed already with other content (${existing.integrity}); publish a new version, or uninstall it first`,
        );
      const owner = await installedRowOf(tx, row.plugin_id);
      if (owner && owner.package_name !== packageName)
        throw new ConflictError(
          `plugin id '${row.plugin_id}' belongs to the installed package ${owner.package_name}, not ${packageName}`,
        );
      if (!owner) await insertInstalled(tx, row.plugin_id, packageName, role);
      await tx.insertInto('plugins_versions').values(row).execute();
      return true;
    },
    { isolation: 'serializable' },
  );
}

/** Installed plugins and versions. */
function desiredStateQueries(database: DatabaseService, db: Kysely<PluginsTables>) {
  const listRows = (): Promise<InstalledRow[]> =>
    db.selectFrom('plugins_installed').selectAll().orderBy('plugin_id').execute();
  return {
    installedRow: (pluginId: string) => installedRowOf(db, pluginId),
    listRows,
    list: async (): Promise<InstalledPlugin[]> =>
      Promise.all((await listRows()).map((row) => toPlugin(db, row))),
    async get(pluginId: string): Promise<InstalledPlugin | undefined> {
      const row = await installedRowOf(db, pluginId);
      return row ? toPlugin(db, row) : undefined;
    },
    version: (pluginId: string, version: string): Promise<VersionRow | undefined> =>
      versionRowOf(db, pluginId, version),
    addVersion: (row: VersionRow, packageName: string, role: string) =>
      addVersion(database, row, packageName, role),
    async setDesired(pluginId: string, patch: DesiredPatch): Promise<void> {
      await db
        .updateTable('plugins_installed')
        .set((eb) => ({ ...patch, revision: eb('revision', '+', 1), updated_at_ms: Date.now() }))
        .where('plugin_id', '=', pluginId)
        .execute();
    },
    async remove(pluginId: string): Promise<void> {
      await database.transaction<PluginsTables, void>(async (tx) => {
        await tx.deleteFrom('plugins_versions').where('plugin_id', '=', pluginId).execute();
        await tx.deleteFrom('plugins_installed').where('plugin_id', '=', pluginId).execute();
      });
    },
  };
}

/** The lifecycle history. */
function historyQueries(db: Kysely<PluginsTables>) {
  return {
    async addHistory(event: Omit<PluginHistoryEvent, 'id' | 'time'>): Promise<void> {
      await db
        .insertInto('plugins_history')
        .values({
          id: randomUUID(),
          time_ms: Date.now(),
          plugin_id: event.pluginId,
          action: event.action,
          version: event.version ?? null,
          actor: event.actor ?? null,
          message: event.message,
        })
        .execute();
    },
    async history(pluginId: string | undefined, limit: number): Promise<PluginHistoryEvent[]> {
      let query = db.selectFrom('plugins_history').selectAll();
      if (pluginId) query = query.where('plugin_id', '=', pluginId);
      const rows = await query.orderBy('time_ms', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        id: row.id,
        time: iso(row.time_ms),
        pluginId: row.plugin_id,
        action: row.action as PluginHistoryEvent['action'],
        ...(row.version ? { version: row.version } : {}),
        ...(row.actor ? { actor: row.actor } : {}),
        message: row.message,
      }));
    },
  };
}

/** What each backend reports. */
function statusQueries(db: Kysely<PluginsTables>) {
  return {
    async report(
      backendId: string,
      pluginId: string,
      status: Omit<BackendPluginStatus, 'backendId' | 'updatedAt'>,
    ) {
      const values = {
        version: status.version,
        state: status.state,
        error: status.error ?? null,
        updated_at_ms: Date.now(),
      };
      await db
        .insertInto('plugins_backend_status')
        .values({ backend_id: backendId, plugin_id: pluginId, ...values })
        .onConflict((oc) => oc.columns(['backend_id', 'plugin_id']).doUpdateSet(values))
        .execute();
    },
    async forgetStatus(backendId: string, pluginId: string): Promise<void> {
      await db
        .deleteFrom('plugins_backend_status')
        .where('backend_id', '=', backendId)
        .where('plugin_id', '=', pluginId)
        .execute();
    },
    async seen(backendId: string): Promise<void> {
      const now = Date.now();
      await db
        .insertInto('plugins_backends')
        .values({ backend_id: backendId, last_seen_ms: now })
        .onConflict((oc) => oc.column('backend_id').doUpdateSet({ last_seen_ms: now }))
        .execute();
    },
    async backends() {
      const rows = await db.selectFrom('plugins_backends').selectAll().orderBy('backend_id').execute();
      const statuses = await db.selectFrom('plugins_backend_status').selectAll().execute();
      return rows.map((row) => ({
        backendId: row.backend_id,
        lastSeen: iso(row.last_seen_ms),
        plugins: statuses
          .filter((s) => s.backend_id === row.backend_id)
          .map((s) => ({ pluginId: s.plugin_id, ...statusOf(s) })),
      }));
    },
  };
}

/** The desired state, history and per-backend status, in the plugin's own tables (`db`: `database`'s write connection). */
export function createPluginsStore(database: DatabaseService, db: Kysely<PluginsTables>) {
  return { ...desiredStateQueries(database, db), ...historyQueries(db), ...statusQueries(db) };
}

/** The store of desired state. */
export type PluginsStore = ReturnType<typeof createPluginsStore>;
