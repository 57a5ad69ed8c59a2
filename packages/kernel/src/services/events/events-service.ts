import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { LoggerService } from '../logger/logger-service.js';
import { decodeEvent, encodeEvent } from './event-message.js';
import type { EventTransport } from './event-transport.js';
import { createLocalSubscribers } from './local-subscribers.js';

/** One event on the bus. */
export interface EventParams<T = unknown> {
  topic: string;
  eventPayload: T;
  metadata?: Record<string, string | string[] | undefined>;
}

/** Publish/subscribe by topic between plugins (Backstage's events service shape). */
export interface EventsService {
  publish(params: EventParams): Promise<void>;
  /** `id` names the subscriber in logs; returns a function that unsubscribes. */
  subscribe(options: {
    id: string;
    topics: string[];
    onEvent(params: EventParams): Promise<void> | void;
  }): Promise<() => void>;
}

/** The bus the kernel keeps per backend: the service, plus delivery of other backends' events. */
export interface EventBus extends EventsService {
  /** Delivers a message another backend published to this backend's subscribers. */
  receive(message: string): Promise<void>;
}

/** Where the bus sends events for other backends, and the id that marks this backend's own. */
export interface EventBusRemote {
  instanceId: string;
  transport: EventTransport;
}

/**
 * Creates the bus. `publish` delivers to this backend's subscribers and, with a `remote`,
 * sends the event to the other backends, whose buses `receive` it; a backend drops its own
 * events when they come back, so each subscriber sees each event once. A failing
 * subscriber is logged and does not affect the publisher or other subscribers.
 *
 * @example
 * await events.subscribe({ id: 'search.catalog', topics: ['catalog.entity.updated'], onEvent: reindex });
 */
export function createEventBus(logger: LoggerService, remote?: EventBusRemote): EventBus {
  const local = createLocalSubscribers(logger);
  const origin = remote?.instanceId ?? 'local';
  let seq = 0;
  return {
    async publish(params) {
      // Encoded on every database: a payload that could not reach another backend is refused here too.
      const message = encodeEvent(origin, seq++, params);
      const sent = remote?.transport.send(message).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      await local.deliver(params);
      const failed = await sent;
      if (failed) {
        throw new AtriumError(
          kernelErrorCodes.EVENTS_PUBLISH_FAILED,
          `could not send an event on topic '${params.topic}' to the other backends: ${failed.message}`,
          { cause: failed, details: { topic: params.topic } },
        );
      }
    },
    subscribe: local.subscribe,
    async receive(message) {
      const event = decodeEvent(message);
      if (!event) {
        logger.warn('dropped a message on the events channel that is not an Atrium event');
        return;
      }
      if (event.origin !== origin) await local.deliver(event.params);
    },
  };
}
