import type { LoggerService } from '../logger/logger-service.js';

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

/**
 * Creates the in-process bus. A failing subscriber is logged and does not affect the
 * publisher or other subscribers.
 *
 * @example
 * await events.subscribe({ id: 'search.catalog', topics: ['catalog.entity.updated'], onEvent: reindex });
 */
export function createEventBus(logger: LoggerService): EventsService {
  const subscribers = new Map<
    string,
    Set<{ id: string; onEvent(params: EventParams): Promise<void> | void }>
  >();
  return {
    async publish(params) {
      const targets = [...(subscribers.get(params.topic) ?? [])];
      await Promise.all(
        targets.map(async (subscriber) => {
          try {
            await subscriber.onEvent(params);
          } catch (error) {
            logger.warn(
              `event subscriber '${subscriber.id}' failed on topic '${params.topic}'`,
              error as Error,
            );
          }
        }),
      );
    },
    async subscribe({ id, topics, onEvent }) {
      const entry = { id, onEvent };
      for (const topic of topics) {
        const set = subscribers.get(topic) ?? new Set();
        subscribers.set(topic, set);
        set.add(entry);
      }
      return () => {
        for (const topic of topics) subscribers.get(topic)?.delete(entry);
      };
    },
  };
}
