// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SerializedTask, SerializedTaskEvent } from '../../common/index.js';
import { readTaskRowDirectly } from '../__fixtures__/db-inspect.js';
import { startScaffolderBackend, templateEntity } from '../__fixtures__/scaffolder-test-backend.js';
import { bundleBackendProcess, spawnBackendProcess } from '../__fixtures__/spawn-backend-process.js';

let entry: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  entry = await bundleBackendProcess();
}, 60_000);
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

const scaffolder = {
  taskTimeout: { seconds: 2 },
  taskTimeoutJanitorFrequency: { milliseconds: 300 },
  taskHeartbeatInterval: { milliseconds: 200 },
  taskPollInterval: { milliseconds: 100 },
};
const waiter = templateEntity('waiter', {
  steps: [
    { id: 'wait', name: 'Wait', action: 'debug:wait', input: { milliseconds: '${{ secrets.wait | int }}' } },
  ],
});

const poll = { timeout: 20_000, interval: 50 };
// The killed backend may have held the janitor's scheduler lease when it died (a pass
// every 300 ms, so often): the lease runs out 30 s after its last heartbeat (LEASE_MS in
// the kernel's task scheduler), and only then does the other backend's janitor run.
const janitorPoll = { timeout: 45_000, interval: 100 };
const messagesOf = (events: SerializedTaskEvent[]) =>
  events.map((e) => (e.body as { message?: string }).message);

describe.each(testDatabaseKinds())('a backend killed while running a task (%s)', (kind) => {
  it('leaves the task to the janitor of another backend, which fails it with a clear message', {
    timeout: 90_000,
  }, async () => {
    const database = await createTestDatabase(kind, {
      sqliteDirectory: await mkdtemp(join(tmpdir(), 'atrium-crash-db-')),
    });
    // This backend only serves the API and runs the janitor: it never claims tasks itself.
    const api = await startScaffolderBackend({
      entities: [waiter],
      database: database.config,
      config: { ...scaffolder, concurrentTasksLimit: 0 },
    });
    try {
      const id = await api.createTask('waiter', {}, { wait: '60000' });
      const queued = await readTaskRowDirectly(database, id);
      expect(queued?.secrets).toMatch(/^v1:[0-9a-f]{8}:/);
      expect(queued?.secrets).not.toContain('60000');

      const workingDirectory = await mkdtemp(join(tmpdir(), 'atrium-crash-ws-'));
      const child = await spawnBackendProcess(entry, {
        backend: { database: database.config, scheduler: { pollInterval: { milliseconds: 50 } } },
        scaffolder: { ...scaffolder, concurrentTasksLimit: 1, workingDirectory },
      });
      children.push(child);
      // The other backend runs the wait step.
      await vi.waitFor(async () => {
        const { body } = await api.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
        expect(messagesOf(body)).toContain('Waiting *** ms');
      }, poll);
      expect((await readTaskRowDirectly(database, id))?.secrets).toBeNull();
      expect(await readdir(workingDirectory)).toHaveLength(1);
      child.kill('SIGKILL');

      // The janitor of another backend fails the task.
      const task = await vi.waitFor(async () => {
        const { body } = await api.api<SerializedTask>(`/v2/tasks/${id}`);
        expect(body.status).not.toBe('processing');
        return body;
      }, janitorPoll);
      expect(task.status).toBe('failed');
      const { body: events } = await api.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
      const completion = events.at(-1);
      expect(completion?.type).toBe('completion');
      const message = (completion!.body as { error: { message: string } }).error.message;
      expect(message).toMatch(
        new RegExp(
          `^Task '${id}' was abandoned: its worker '.+' has sent no heartbeat since .+Z, longer than scaffolder\\.taskTimeout \\(2 s\\); the backend running it probably crashed or was killed during step 'wait'\\. Retry the task to run it again\\.$`,
        ),
      );
      expect(
        events.find((e) => (e.body as { stepId?: string; status?: string }).status === 'failed')?.body,
      ).toMatchObject({ stepId: 'wait', message });

      // The next backend to start on this host removes the dead worker's workspace.
      const next = await startScaffolderBackend({
        database: database.config,
        config: { ...scaffolder, workingDirectory },
      });
      await vi.waitFor(async () => expect(await readdir(workingDirectory)).toEqual([]), poll);
      await next.stop();
    } finally {
      await api.stop();
      await database.cleanup();
    }
  });
});

describe('a backend stopped while running a task', () => {
  it('fails the task at once, saying the backend shut down', { timeout: 30_000 }, async () => {
    const database = await createTestDatabase('sqlite', {
      sqliteDirectory: await mkdtemp(join(tmpdir(), 'atrium-stop-db-')),
    });
    const fixturesDir = await mkdtemp(join(tmpdir(), 'atrium-stop-fixtures-'));
    const first = await startScaffolderBackend({
      entities: [waiter],
      fixturesDir,
      database: database.config,
      config: scaffolder,
    });
    const id = await first.createTask('waiter', {}, { wait: '60000' });
    await vi.waitFor(async () => {
      const { body } = await first.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
      expect(messagesOf(body)).toContain('Waiting *** ms');
    }, poll);
    await first.stop();
    const second = await startScaffolderBackend({
      fixturesDir,
      database: database.config,
      config: scaffolder,
    });
    try {
      const { task, events } = await second.waitForTask(id, 1000);
      expect(task.status).toBe('failed');
      expect(events.at(-1)?.body).toMatchObject({
        error: {
          message: 'the backend shut down while the task was running; retry the task to run it again',
        },
      });
    } finally {
      await second.stop();
    }
  });
});
