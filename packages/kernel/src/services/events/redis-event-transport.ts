import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { EventTransport } from './event-transport.js';
import { reconnectDelayMs } from './reconnect-delay.js';

/** Options of {@link createRedisEventTransport}. */
export interface RedisEventTransportOptions {
  connection: string;
  /** One channel per installation (`backend.events.redis.channel`). */
  channel: string;
  /** Names the subscribed connection in `CLIENT LIST`. */
  clientName: string;
  logger: LoggerService;
}

/**
 * Events through Redis pub/sub: one subscribed connection per backend and one to publish.
 * ioredis reconnects with the backoff below and subscribes again; messages published while
 * a backend was disconnected are not received (pub/sub keeps none).
 *
 * @example
 * const transport = await createRedisEventTransport({ connection: 'redis://127.0.0.1:6379', channel: 'atrium:events', clientName: 'atrium-events-1', logger });
 */
export async function createRedisEventTransport(
  options: RedisEventTransportOptions,
): Promise<EventTransport> {
  const { channel, logger } = options;
  // Loaded here: a backend without Redis never loads ioredis.
  const { Redis } = await import('ioredis');
  const settings = {
    lazyConnect: true,
    // ioredis counts attempts from 1.
    retryStrategy: (attempt: number) => reconnectDelayMs(attempt - 1),
  };
  const subscriber = new Redis(options.connection, { ...settings, connectionName: options.clientName });
  const publisher = new Redis(options.connection, { ...settings, maxRetriesPerRequest: 2 });
  let lost = false;
  // Errors surface through the commands that fail; ioredis also emits each as an event.
  publisher.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  subscriber.on('close', () => {
    if (lost || subscriber.status === 'end') return;
    lost = true;
    logger.warn('lost the Redis connection that receives events from other backends; reconnecting');
  });
  subscriber.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.info('receiving events from other backends again; those sent meanwhile were missed');
  });

  return {
    async listen(onMessage) {
      subscriber.on('message', (from: string, message: string) => {
        if (from === channel) onMessage(message);
      });
      try {
        await Promise.all([subscriber.connect(), publisher.connect()]);
        await subscriber.subscribe(channel);
      } catch (error) {
        subscriber.disconnect();
        publisher.disconnect();
        throw new AtriumError(
          kernelErrorCodes.EVENTS_CONNECT_FAILED,
          `could not connect to Redis for backend.events: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
    async send(message) {
      await publisher.publish(channel, message);
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
