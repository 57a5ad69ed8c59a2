import { createCaptureLogger } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { createEventBus } from './events-service.js';

describe('event bus', () => {
  it('delivers by topic, isolates failing subscribers and unsubscribes', async () => {
    const logger = createCaptureLogger();
    const bus = createEventBus(logger);
    const got: unknown[] = [];
    const off = await bus.subscribe({
      id: 'good',
      topics: ['t1'],
      onEvent: (e) => void got.push(e.eventPayload),
    });
    await bus.subscribe({
      id: 'bad',
      topics: ['t1'],
      onEvent: () => {
        throw new Error('boom');
      },
    });
    await bus.publish({ topic: 't1', eventPayload: 1 });
    await bus.publish({ topic: 't2', eventPayload: 2 });
    off();
    await bus.publish({ topic: 't1', eventPayload: 3 });
    expect(got).toEqual([1]);
    expect(logger.lines.some((l) => l.message.includes("event subscriber 'bad' failed on topic 't1'"))).toBe(
      true,
    );
  });
});
