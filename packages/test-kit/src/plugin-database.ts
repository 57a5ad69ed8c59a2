import {
  coreServices,
  type DatabaseService,
  definePlugin,
  type JsonObject,
  type Migrations,
} from '@atrium/kernel';
import { startTestBackend } from './start-test-backend.js';
import { createTestDatabase, type TestDatabaseVariant } from './test-databases.js';

/** A plugin's own database as the kernel gives it, and how to stop its backend and drop it. */
export interface TestPluginDatabase {
  service: DatabaseService;
  /** The config the backend ran on (e.g. the SQLite directory of a file database). */
  config: JsonObject;
  stop(): Promise<void>;
}

/**
 * Starts a backend with one plugin (`id`) whose only job is to hold its database, migrated
 * by `migrations`: for tests of a plugin's stores and queries on the real database service
 * (its connections, retries and migrations), without the rest of the plugin.
 *
 * @example
 * const { service, stop } = await startPluginDatabase('postgres', { id: 'store', migrations });
 * const store = createStore(service, await service.getClient());
 * await stop();
 */
export async function startPluginDatabase(
  variant: TestDatabaseVariant,
  plugin: { id: string; migrations?: Migrations },
): Promise<TestPluginDatabase> {
  const database = await createTestDatabase(variant);
  let service: DatabaseService | undefined;
  const holder = definePlugin({
    id: plugin.id,
    deps: { db: coreServices.database },
    ...(plugin.migrations ? { migrations: plugin.migrations } : {}),
    init({ deps }) {
      service = deps.db;
    },
  });
  const backend = await startTestBackend({
    features: [holder],
    config: { backend: { database: database.config } },
  }).catch(async (error: unknown) => {
    await database.cleanup();
    throw error;
  });
  const stop = async () => {
    await backend.stop();
    await database.cleanup();
  };
  if (!service) {
    await stop();
    throw new Error(`plugin '${plugin.id}' did not start`);
  }
  return { service, config: database.config, stop };
}
