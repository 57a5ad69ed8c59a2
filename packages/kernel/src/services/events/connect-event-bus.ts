import type { Kysely } from 'kysely';
import { postgresPoolConfig } from '../database/create-database-manager.js';
import type { BackendConfig } from '../http/http-config.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { EventTransport } from './event-transport.js';
import { chooseEventTransport } from './events-config.js';
import { createEventBus, type EventBus } from './events-service.js';
import type { EventPayloadsTable } from './postgres-event-transport.js';

/** Options of {@link connectEventBus}. */
export interface ConnectEventBusOptions {
  config: BackendConfig;
  logger: LoggerService;
  /** Marks this backend's events, so it drops them when they come back. */
  instanceId: string;
  /** The kernel's database (PostgreSQL transport: sends, stores large events). */
  kernelDb: Kysely<EventPayloadsTable>;
  /** The kernel's schema (PostgreSQL). */
  kernelSchema: string;
}

async function openTransport(options: ConnectEventBusOptions): Promise<EventTransport | undefined> {
  const { config, logger } = options;
  // Names the listening connection, for operators (pg_stat_activity, CLIENT LIST).
  const clientName = `atrium-events-${options.instanceId}`;
  const choice = chooseEventTransport(config);
  if (typeof choice === 'string' || choice.kind === 'memory') return undefined;
  if (choice.kind === 'redis') {
    const { createRedisEventTransport } = await import('./redis-event-transport.js');
    return createRedisEventTransport({
      connection: choice.connection,
      channel: choice.channel,
      clientName,
      logger,
    });
  }
  const [{ default: pg }, { createPostgresEventTransport }] = await Promise.all([
    import('pg'),
    import('./postgres-event-transport.js'),
  ]);
  const connection = {
    ...postgresPoolConfig(config.database, options.kernelSchema, pg.types),
    application_name: clientName,
    keepAlive: true,
  };
  return createPostgresEventTransport({
    db: options.kernelDb,
    newClient: () => new pg.Client(connection),
    channel: choice.channel,
    logger,
  });
}

/**
 * Creates this backend's event bus and, where backends can share events (PostgreSQL, or
 * Redis when configured), starts listening before it returns.
 *
 * @example
 * const { bus, close } = await connectEventBus({ config, logger, instanceId, kernelDb, kernelSchema });
 */
export async function connectEventBus(
  options: ConnectEventBusOptions,
): Promise<{ bus: EventBus; close(): Promise<void> }> {
  const transport = await openTransport(options);
  if (!transport) return { bus: createEventBus(options.logger), close: async () => undefined };
  const bus = createEventBus(options.logger, { instanceId: options.instanceId, transport });
  await transport.listen((message) => {
    void bus.receive(message);
  });
  return { bus, close: () => transport.close() };
}
