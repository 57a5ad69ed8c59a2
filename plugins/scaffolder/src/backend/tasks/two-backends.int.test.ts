import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineModule } from '@atrium/kernel';
import { createTestDatabase } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import type { SerializedTaskEvent } from '../../common/index.js';
import { readEventStream } from '../__fixtures__/read-event-stream.js';
import { startScaffolderBackend, templateEntity } from '../__fixtures__/scaffolder-test-backend.js';
import { createTemplateAction } from '../actions/template-action.js';
import { scaffolderActionsPoint } from '../extension-points.js';

const runs: Array<{ taskId: string; backend: string }> = [];

function countingModule(backend: string) {
  return defineModule({
    plugin: 'scaffolder',
    id: 'counting',
    deps: {},
    extensionPoints: { actions: scaffolderActionsPoint },
    init({ extensions }) {
      extensions.actions.add(
        createTemplateAction({
          id: 'test:count',
          async handler(ctx) {
            runs.push({ taskId: ctx.task.id, backend });
            await new Promise((resolve) => setTimeout(resolve, 30));
          },
        }),
      );
    },
  });
}

describe('two backends on one PostgreSQL', () => {
  it('never run one task twice, and either serves any task', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase('postgres');
    const entities = [templateEntity('count', { steps: [{ id: 'count', action: 'test:count' }] })];
    const config = { concurrentTasksLimit: 3 };
    // One fixtures folder: both catalogs read the same files, as replicas would.
    const fixturesDir = await mkdtemp(join(tmpdir(), 'atrium-two-backends-'));
    const shared = { entities, fixturesDir, database: database.config, config };
    const a = await startScaffolderBackend({ ...shared, features: [countingModule('a')] });
    const b = await startScaffolderBackend({ ...shared, features: [countingModule('b')] });
    try {
      const ids = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).createTask('count')),
      );
      const results = await Promise.all(ids.map((id) => a.waitForTask(id, 30_000)));
      expect(results.every((r) => r.task.status === 'completed')).toBe(true);
      const perTask = new Map<string, number>();
      for (const run of runs) perTask.set(run.taskId, (perTask.get(run.taskId) ?? 0) + 1);
      expect([...perTask.keys()].sort()).toEqual([...ids].sort());
      expect([...perTask.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(runs.map((r) => r.backend))).toEqual(new Set(['a', 'b']));
      for (const { events } of results) {
        expect(
          events.filter((e: SerializedTaskEvent) => e.body.message === 'Starting up task with 1 steps'),
        ).toHaveLength(1);
      }
      // The work queue's task metrics: every task counted once, by the backend that ran it.
      let processed = 0;
      for (const backend of [a, b]) {
        const scraped = await backend.fetch('/metrics', { token: await backend.serviceToken('metrics') });
        const text = await scraped.text();
        expect(text).toContain('atrium_scaffolder_work_queue_depth{queue="tasks"}');
        const line = text.match(/^atrium_scaffolder_work_items_processed_total\{queue="tasks"\} (\d+)$/m);
        processed += Number(line?.[1] ?? 0);
      }
      expect(processed).toBe(40);
      const ranOnA = runs.find((r) => r.backend === 'a')!.taskId;
      const stream = await readEventStream(b.url, b.token, ranOnA);
      expect(stream.events.at(-1)?.event).toBe('completion');
    } finally {
      await a.stop();
      await b.stop();
      await database.cleanup();
    }
  });
});
