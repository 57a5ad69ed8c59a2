import { type LoggerService, sql } from '@atrium/kernel';
import type { CatalogConfig } from '../config/catalog-config.js';
import type { SqlClient } from '../database/sql-client.js';
import { resolveOrphans } from '../entities/delete-entities.js';
import type { EntityProvider } from '../extensions/entity-provider.js';
import type { CatalogEventPublisher } from '../processing/catalog-event-publisher.js';
import { markForStitching } from '../stitching/stitch-queue.js';
import { createProviderConnection } from './provider-connection.js';

interface ConnectOptions {
  sql: SqlClient;
  config: Pick<CatalogConfig, 'orphanProviderStrategy' | 'providerOptions'>;
  logger: LoggerService;
  publish: CatalogEventPublisher;
  wake(): void;
}

async function evictGoneProviders(names: Set<string>, options: ConnectOptions): Promise<void> {
  const rows = await options.sql.all(
    sql<{ name: string }>`SELECT DISTINCT source_key AS name FROM refs WHERE source_key IS NOT NULL`,
  );
  const gone = rows.map((row) => row.name).filter((name) => !names.has(name));
  if (gone.length === 0 || options.config.orphanProviderStrategy === 'keep') return;
  for (const name of gone) {
    const deleted = await options.sql.transaction(async (tx) => {
      const targets = await tx.all(
        sql<{ ref: string }>`SELECT target_entity_ref AS ref FROM refs WHERE source_key = ${name}`,
      );
      await tx.run(sql`DELETE FROM refs WHERE source_key = ${name}`);
      // Pruned like any provider removal (see createProviderConnection).
      const orphans = await resolveOrphans(
        tx,
        targets.map((row) => row.ref),
        'delete',
      );
      await markForStitching(tx, orphans.restitch, Date.now());
      return orphans.deleted;
    });
    options.logger.info(`evicted entities of entity provider '${name}', which is no longer installed`, {
      count: deleted.length,
    });
    options.publish.deleted(deleted, 'provider');
  }
}

/**
 * Connects the entity providers (each with its own connection) after evicting what
 * providers that are no longer installed had emitted (`catalog.orphanProviderStrategy`).
 * Built-in providers are awaited; others connect in the background, so a slow external
 * system does not hold up startup.
 *
 * @example
 * await connectProviders([configProvider, locationStore, ...extensions.providers], options);
 */
export async function connectProviders(
  providers: readonly EntityProvider[],
  builtIn: number,
  options: ConnectOptions,
): Promise<void> {
  const enabled = providers.filter(
    (provider) => !options.config.providerOptions[provider.getProviderName()]?.disabled,
  );
  const names = new Set(enabled.map((provider) => provider.getProviderName()));
  if (names.size !== enabled.length) {
    options.logger.warn('two entity providers share a name; their entities will overwrite each other');
  }
  await evictGoneProviders(names, options);
  for (const [index, provider] of enabled.entries()) {
    const name = provider.getProviderName();
    const connection = createProviderConnection({ ...options, providerName: name });
    const connecting = provider.connect(connection).catch((error: unknown) => {
      options.logger.error(`entity provider '${name}' failed to connect`, error as Error);
    });
    if (index < builtIn) await connecting;
  }
}
