// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { coreServices, defineServiceFactory, type PolicyDecision } from '@atrium/kernel';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SerializedTask } from '../../common/index.js';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const MALLORY = 'user:default/mallory';

// alice reads the tasks she created; bob every task; mallory none. Neither alice nor bob
// may read the template labelled `restricted`; the test user may do everything.
const policy = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: () => ({
    async handle({ permission }, { credentials }): Promise<PolicyDecision> {
      const { principal } = credentials;
      const user = principal.type === 'user' ? principal.userEntityRef : undefined;
      if (user !== ALICE && user !== BOB && user !== MALLORY) return { result: 'ALLOW' };
      if (permission.name === 'catalog.entity.read') {
        return {
          result: 'CONDITIONAL',
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            not: { rule: 'HAS_LABEL', resourceType: 'catalog-entity', params: { label: 'restricted' } },
          },
        };
      }
      if (permission.name !== 'scaffolder.task.read' && permission.name !== 'scaffolder.task.cancel')
        return { result: 'ALLOW' };
      if (user === MALLORY) return { result: 'DENY' };
      if (user === BOB) return { result: 'ALLOW' };
      return {
        result: 'CONDITIONAL',
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'HAS_CREATED_BY',
          resourceType: 'scaffolder-task',
          params: { createdBy: [ALICE] },
        },
      };
    },
  }),
});

const steps = [{ id: 'log', action: 'debug:log', input: { message: 'task of ${{ parameters.name }}' } }];
const parameters = [{ properties: { name: { type: 'string' } } }];
const secret = templateEntity('secret', { parameters, steps });
secret.metadata.labels = { restricted: 'true' };

describe.each(testDatabaseKinds())('who sees which task, on %s', (kind) => {
  let backend: ScaffolderTestBackend;
  let database: TestDatabase;
  const tokens: Record<string, string> = {};
  const tasks: Record<string, string> = {};
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScaffolderBackend({
      database: database.config,
      features: [policy],
      entities: [templateEntity('hello', { parameters, steps }), secret],
    });
    for (const user of [ALICE, BOB, MALLORY]) tokens[user] = await backend.userToken(user);
    tasks.adminHello = await backend.createTask('template:default/hello', { name: 'admin-hello' });
    tasks.adminSecret = await backend.createTask('template:default/secret', { name: 'admin-secret' });
    const created = await backend.api<{ id: string }>('/v2/tasks', {
      body: { templateRef: 'template:default/hello', values: { name: 'alice-hello' } },
      token: tokens[ALICE],
    });
    expect(created.status).toBe(201);
    tasks.aliceHello = created.body.id;
    for (const id of Object.values(tasks)) await backend.waitForTask(id);
  });
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  const list = (token: string | undefined) =>
    backend.api<{ tasks: SerializedTask[]; totalTasks: number }>('/v2/tasks', { token });
  const ids = (body: { tasks: SerializedTask[] }) => body.tasks.map((task) => task.id).sort();

  it('lists and counts only the tasks the caller may read, of templates they may read', async () => {
    const alice = await list(tokens[ALICE]);
    expect(alice.status).toBe(200);
    expect(ids(alice.body)).toEqual([tasks.aliceHello]);
    expect(alice.body.totalTasks).toBe(1);
    const bob = await list(tokens[BOB]);
    expect(ids(bob.body)).toEqual([tasks.adminHello, tasks.aliceHello].sort());
    expect(bob.body.totalTasks).toBe(2);
    expect(JSON.stringify(bob.body)).not.toMatch(/secret/);
    const paged = await backend.api<{ tasks: SerializedTask[]; totalTasks: number }>('/v2/tasks?limit=1', {
      token: tokens[BOB],
    });
    expect(paged.body.tasks).toHaveLength(1);
    expect(paged.body.totalTasks).toBe(2);
    expect(ids((await list(undefined)).body)).toHaveLength(3);
  });

  it('answers a task the caller may not read exactly as a missing one, on every task route', async () => {
    const hiddenFrom = [
      [ALICE, tasks.adminHello],
      [ALICE, tasks.adminSecret],
      [BOB, tasks.adminSecret],
    ] as const;
    for (const [user, id] of hiddenFrom) {
      for (const [method, suffix] of [
        ['GET', ''],
        ['GET', '/events'],
        ['GET', '/eventstream'],
        ['POST', '/cancel'],
        ['POST', '/retry'],
      ] as const) {
        const request = (taskId: string) =>
          backend.api<{ error: { name: string; message: string } }>(`/v2/tasks/${taskId}${suffix}`, {
            method,
            token: tokens[user],
            ...(method === 'POST' ? { body: {} } : {}),
          });
        const hidden = await request(id as string);
        const absent = await request(missing);
        expect([hidden.status, absent.status]).toEqual([404, 404]);
        expect(hidden.body.error.message.replace(id as string, 'X')).toBe(
          absent.body.error.message.replace(missing, 'X'),
        );
      }
    }
    const own = await backend.api<SerializedTask>(`/v2/tasks/${tasks.aliceHello}`, { token: tokens[ALICE] });
    expect(own.status).toBe(200);
    expect((await backend.api(`/v2/tasks/${tasks.aliceHello}/events`, { token: tokens[ALICE] })).status).toBe(
      200,
    );
    expect((await backend.api(`/v2/tasks/${tasks.adminHello}`, { token: tokens[BOB] })).status).toBe(200);
  });

  it('a caller denied scaffolder.task.read gets 403 whether or not the task exists', async () => {
    expect((await list(tokens[MALLORY])).status).toBe(403);
    for (const id of [tasks.adminHello, missing])
      expect((await backend.api(`/v2/tasks/${id}`, { token: tokens[MALLORY] })).status).toBe(403);
  });
});
