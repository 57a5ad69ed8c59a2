import { createTestDatabase, startTestBackend, type TestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import { durationToMs } from './duration.js';
import { nextRunAt } from './next-run-at.js';
import type { SchedulerService, TaskDefinition } from './scheduler-service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function schedulingPlugin(
  task: Omit<TaskDefinition, 'fn'>,
  fn: TaskDefinition['fn'],
  sink?: { scheduler?: SchedulerService },
) {
  return definePlugin({
    id: 'jobs',
    deps: { scheduler: coreServices.scheduler },
    async init({ deps }) {
      if (sink) sink.scheduler = deps.scheduler;
      await deps.scheduler.scheduleTask({ ...task, fn });
    },
  });
}

describe('durations and frequencies', () => {
  it('reads objects and ISO 8601 strings', () => {
    expect(durationToMs({ minutes: 2, seconds: 3 })).toBe(123_000);
    expect(durationToMs('PT1H30M')).toBe(5_400_000);
    expect(durationToMs('P1D')).toBe(86_400_000);
    expect(() => durationToMs('five minutes')).toThrowError(/not an ISO 8601 duration/);
    expect(() => durationToMs({ fortnights: 1 } as never)).toThrowError(/unknown duration unit 'fortnights'/);
  });

  it('computes the next cron and interval run', () => {
    const from = Date.UTC(2026, 0, 1, 10, 0, 30);
    expect(new Date(nextRunAt({ cron: '*/15 * * * *' }, from)!).toISOString()).toBe(
      '2026-01-01T10:15:00.000Z',
    );
    expect(nextRunAt({ minutes: 1 }, from)).toBe(from + 60_000);
    expect(nextRunAt({ trigger: 'manual' }, from)).toBeNull();
    expect(() => nextRunAt({ cron: 'nonsense' }, from)).toThrowError(/not a valid cron expression/);
  });
});

describe('local tasks', () => {
  it('runs interval, once and manual tasks', async () => {
    const runs: string[] = [];
    const sink: { scheduler?: SchedulerService } = {};
    const plugin = definePlugin({
      id: 'jobs',
      deps: { scheduler: coreServices.scheduler },
      async init({ deps }) {
        sink.scheduler = deps.scheduler;
        await deps.scheduler.scheduleTask({
          id: 'tick',
          scope: 'local',
          frequency: { milliseconds: 100 },
          timeout: { seconds: 5 },
          fn: async () => void runs.push('tick'),
        });
        await deps.scheduler.scheduleTask({
          id: 'once',
          frequency: { trigger: 'once' },
          timeout: { seconds: 5 },
          fn: async () => void runs.push('once'),
        });
        await deps.scheduler.scheduleTask({
          id: 'manual',
          frequency: { trigger: 'manual' },
          timeout: { seconds: 5 },
          fn: async () => void runs.push('manual'),
        });
      },
    });
    const backend = await startTestBackend({ features: [plugin] });
    await sleep(600);
    await sink.scheduler!.triggerTask('manual');
    await sleep(300);
    const info = await sink.scheduler!.getScheduledTasks();
    await backend.stop();
    expect(runs.filter((r) => r === 'tick').length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((r) => r === 'once')).toHaveLength(1);
    expect(runs.filter((r) => r === 'manual')).toHaveLength(1);
    expect(info.map((t) => t.id).sort()).toEqual(['manual', 'once', 'tick']);
  });
});

describe('global tasks on SQLite', () => {
  it('records a failure and runs a failed one-off task no more', async () => {
    let runs = 0;
    const sink: { scheduler?: SchedulerService } = {};
    const plugin = schedulingPlugin(
      { id: 'once', frequency: { trigger: 'once' }, timeout: { seconds: 5 } },
      async () => {
        runs++;
        throw new Error('the source is down');
      },
      sink,
    );
    const backend = await startTestBackend({
      features: [plugin],
      config: { backend: { scheduler: { pollInterval: { milliseconds: 20 } } } },
    });
    await sleep(500);
    const [info] = await sink.scheduler!.getScheduledTasks();
    await backend.stop();
    expect(runs).toBe(1);
    expect(info).toMatchObject({ id: 'once', lastError: 'the source is down', nextRunAt: undefined });
    expect(info?.lastRunAt).toBeInstanceOf(Date);
  });
});

describe('global tasks on one PostgreSQL shared by two backends', () => {
  async function twoBackends(fn: TaskDefinition['fn'], timeout = { seconds: 30 }) {
    const database = await createTestDatabase('postgres');
    const config = {
      backend: { database: database.config, scheduler: { pollInterval: { milliseconds: 20 } } },
    };
    const task = { id: 'sync', frequency: { milliseconds: 50 }, timeout };
    const a = await startTestBackend({ features: [schedulingPlugin(task, fn)], config });
    const b = await startTestBackend({ features: [schedulingPlugin(task, fn)], config });
    return { a, b, database };
  }

  it('never runs the same task at once', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let runs = 0;
    const { a, b, database } = await twoBackends(async () => {
      concurrent++;
      runs++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await sleep(60);
      concurrent--;
    });
    await sleep(2000);
    await Promise.all([a.stop(), b.stop()]);
    await database.cleanup();
    expect(runs).toBeGreaterThanOrEqual(5);
    expect(maxConcurrent).toBe(1);
  });

  it('lets another backend take over once a crashed holder’s lease expires', async () => {
    const database = await createTestDatabase('postgres');
    const config = {
      backend: { database: database.config, scheduler: { pollInterval: { milliseconds: 20 } } },
    };
    const task = { id: 'sync', frequency: { milliseconds: 50 }, timeout: { milliseconds: 1500 } };
    const runsBy: string[] = [];
    let release: (() => void) | undefined;
    // Backend "a" claims the task and hangs forever, as a crashed process would hold its lease.
    const a: TestBackend = await startTestBackend({
      features: [
        schedulingPlugin(
          task,
          () =>
            new Promise<void>((resolve) => {
              runsBy.push('a');
              release = resolve;
            }),
        ),
      ],
      config,
    });
    await sleep(300);
    const b = await startTestBackend({
      features: [schedulingPlugin(task, async () => void runsBy.push('b'))],
      config,
    });
    await sleep(400);
    const beforeExpiry = runsBy.filter((r) => r === 'b').length;
    await sleep(2000);
    release?.();
    await Promise.all([a.stop(), b.stop()]);
    await database.cleanup();
    expect(runsBy[0]).toBe('a');
    expect(beforeExpiry).toBe(0);
    expect(runsBy.filter((r) => r === 'b').length).toBeGreaterThanOrEqual(1);
  });
});
