// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(testDatabaseKinds())('a backend killed while running a task (%s)', (kind) => {
  it('leaves the task to the janitor of another backend, which fails it with a clear message', {
    timeout: 60_000,
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
      await until('the other backend to run the wait step', async () => {
        const { body } = await api.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
        return body.some((e) => (e.body as { message?: string }).message === 'Waiting *** ms')
          ? true
          : undefined;
      });
      expect((await readTaskRowDirectly(database, id))?.secrets).toBeNull();
      expect(await readdir(workingDirectory)).toHaveLength(1);
      child.kill('SIGKILL');

      const task = await until('the janitor to fail the task', async () => {
        const { body } = await api.api<SerializedTask>(`/v2/tasks/${id}`);
        return body.status === 'processing' ? undefined : body;
      });
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
      await until('the leftover workspace to be removed', async () =>
        (await readdir(workingDirectory)).length === 0 ? true : undefined,
      );
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
    await until('the wait step to start', async () => {
      const { body } = await first.api<SerializedTaskEvent[]>(`/v2/tasks/${id}/events`);
      return body.some((e) => (e.body as { message?: string }).message === 'Waiting *** ms')
        ? true
        : undefined;
    });
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
