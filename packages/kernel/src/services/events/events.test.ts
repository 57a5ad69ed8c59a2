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

describe('event payloads', () => {
  it('refuses, on every database, an event that could not reach another backend', async () => {
    const bus = createEventBus(createCaptureLogger());
    const got: unknown[] = [];
    await bus.subscribe({ id: 'sink', topics: ['t'], onEvent: (e) => void got.push(e.eventPayload) });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(bus.publish({ topic: 't', eventPayload: cyclic })).rejects.toMatchObject({
      code: 'EVENTS_PAYLOAD_INVALID',
      message: expect.stringContaining("the payload of an event on topic 't' is not JSON"),
    });
    await expect(bus.publish({ topic: 't', eventPayload: { size: 1n } })).rejects.toMatchObject({
      code: 'EVENTS_PAYLOAD_INVALID',
    });
    await expect(bus.publish({ topic: '', eventPayload: 1 })).rejects.toMatchObject({
      code: 'EVENTS_TOPIC_INVALID',
    });
    expect(got).toEqual([]);
  });

  it('drops messages on the channel that are not Atrium events, and its own', async () => {
    const logger = createCaptureLogger();
    const sent: string[] = [];
    const transport = {
      listen: async () => undefined,
      send: async (m: string) => void sent.push(m),
      close: async () => undefined,
    };
    const bus = createEventBus(logger, { instanceId: 'me', transport });
    const got: unknown[] = [];
    await bus.subscribe({ id: 'sink', topics: ['t'], onEvent: (e) => void got.push(e.eventPayload) });
    await bus.publish({ topic: 't', eventPayload: 'mine' });
    await bus.receive(sent[0] as string);
    await bus.receive('not json');
    await bus.receive(JSON.stringify({ topic: 't', payload: 'no origin' }));
    await bus.receive(JSON.stringify({ origin: 'other', seq: 0, topic: 't', payload: 'theirs' }));
    expect(got).toEqual(['mine', 'theirs']);
    expect(logger.lines.filter((l) => l.message.includes('not an Atrium event'))).toHaveLength(2);
  });
});
