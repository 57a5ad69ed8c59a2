import { ConflictError } from '@atrium/errors';
import { createCaptureLogger } from '@atrium/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../events/events-service.js';
import type { SchedulerService } from './scheduler-service.js';
import { triggerOnEvents } from './trigger-on-events.js';

// The scheduler is the collaborator here: it records triggers, and can answer "running now".
function recordingScheduler(busyTimes = 0) {
  const triggered: string[] = [];
  let busy = busyTimes;
  const scheduler: SchedulerService = {
    scheduleTask: async () => {},
    getScheduledTasks: async () => [],
    async triggerTask(id) {
      if (busy-- > 0) throw new ConflictError(`task '${id}' is running now`);
      triggered.push(id);
    },
  };
  return { scheduler, triggered };
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function follow(busyTimes = 0) {
  const logger = createCaptureLogger();
  const events = createEventBus(logger);
  const { scheduler, triggered } = recordingScheduler(busyTimes);
  stops.push(
    await triggerOnEvents({
      events,
      scheduler,
      logger,
      id: 'follow',
      topics: ['thing.changed'],
      taskId: 'sync',
      debounceMs: 30,
    }),
  );
  const publish = (n: number) => events.publish({ topic: 'thing.changed', eventPayload: { n } });
  return { events, triggered, publish };
}

describe('triggerOnEvents', () => {
  it('runs the task once for a burst of events, and again for a later burst', async () => {
    const { triggered, publish } = await follow();
    for (let n = 0; n < 20; n++) await publish(n);
    await vi.waitFor(() => expect(triggered).toEqual(['sync']), { timeout: 2000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(triggered).toEqual(['sync']);
    await publish(21);
    await vi.waitFor(() => expect(triggered).toEqual(['sync', 'sync']), { timeout: 2000, interval: 10 });
  });

  it('tries again after a debounce when the task is running, so the burst is not lost', async () => {
    const { triggered, publish } = await follow(2);
    await publish(1);
    await vi.waitFor(() => expect(triggered).toEqual(['sync']), { timeout: 2000, interval: 10 });
  });

  it('ignores other topics and stops with its returned function', async () => {
    const { events, triggered, publish } = await follow();
    await events.publish({ topic: 'other.topic', eventPayload: {} });
    for (const stop of stops.splice(0)) stop();
    await publish(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(triggered).toEqual([]);
  });
});
