import type pg from 'pg';
import type { LoggerService } from '../logger/logger-service.js';
import { reconnectDelayMs } from './reconnect-delay.js';

/** Options of {@link createPostgresListener}. */
export interface PostgresListenerOptions {
  /** A new, unconnected client for the listening session. */
  newClient(): pg.Client;
  channel: string;
  logger: LoggerService;
  onNotification(payload: string): void;
}

/**
 * Keeps one session LISTENing on `channel`. When the session is lost it reconnects with
 * exponential backoff (250 ms doubling to 30 s, jittered) and LISTENs again; notifications
 * sent while it was away are not received (NOTIFY keeps none for absent listeners).
 *
 * @example
 * const listener = createPostgresListener({ newClient: () => new pg.Client(config), channel: 'atrium_events', logger, onNotification });
 * await listener.start();
 */
export function createPostgresListener(options: PostgresListenerOptions) {
  const { channel, logger } = options;
  let current: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;

  async function connect(): Promise<void> {
    const client = options.newClient();
    const lost = (error?: Error) => {
      if (closed || client !== current) return;
      current = undefined;
      client.end().catch(() => undefined);
      logger.warn('lost the PostgreSQL connection that receives events from other backends; reconnecting', {
        error: error?.message,
      });
      retry(0);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (notification) => {
      if (notification.channel === channel && notification.payload !== undefined)
        options.onNotification(notification.payload);
    });
    current = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      current = undefined;
      await client.end().catch(() => undefined);
      throw error;
    }
    if (closed) await client.end().catch(() => undefined);
  }

  function retry(attempt: number) {
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (closed) return;
      connect().then(
        () => logger.info('receiving events from other backends again; those sent meanwhile were missed'),
        () => retry(attempt + 1),
      );
    }, reconnectDelayMs(attempt));
    retryTimer.unref();
  }

  return {
    /** Connects and LISTENs; rejects if the first connection fails. */
    start: connect,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
