import type { LoggerService } from '../logger/logger-service.js';
import type { EventParams, EventsService } from './events-service.js';

type Subscriber = { id: string; onEvent(params: EventParams): Promise<void> | void };

/**
 * This backend's subscribers by topic. A failing subscriber is logged and does not affect
 * the publisher or other subscribers.
 *
 * @example
 * const local = createLocalSubscribers(logger);
 * await local.deliver({ topic: 't', eventPayload: 1 });
 */
export function createLocalSubscribers(logger: LoggerService) {
  const byTopic = new Map<string, Set<Subscriber>>();
  return {
    async deliver(params: EventParams): Promise<void> {
      const targets = [...(byTopic.get(params.topic) ?? [])];
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
    subscribe: (async ({ id, topics, onEvent }) => {
      const entry = { id, onEvent };
      for (const topic of topics) {
        const set = byTopic.get(topic) ?? new Set();
        byTopic.set(topic, set);
        set.add(entry);
      }
      return () => {
        for (const topic of topics) byTopic.get(topic)?.delete(entry);
      };
    }) satisfies EventsService['subscribe'],
  };
}
