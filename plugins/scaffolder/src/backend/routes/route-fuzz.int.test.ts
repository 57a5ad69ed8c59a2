import { createTestDatabase, hostileProbes, type TestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffolderApi } from '../../common/index.js';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';

const PARAMS = {
  namespace: 'default',
  kind: 'template',
  name: 'hello',
  taskId: 'x',
  provider: 'x',
  resource: 'x',
};

describe.each(testDatabaseKinds())('every scaffolder route with hostile input, on %s', (kind) => {
  let backend: ScaffolderTestBackend;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    backend = await startScaffolderBackend({
      database: database.config,
      entities: [
        templateEntity('hello', {
          parameters: [{ properties: { name: { type: 'string' } } }],
          steps: [{ id: 'log', action: 'debug:log', input: { message: 'hi' } }],
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
  });

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const route of Object.values(scaffolderApi.routes)) {
      for (const probe of hostileProbes(route, PARAMS)) {
        // A valid task id would long-poll for 30 s; hostile ones never name a task.
        count++;
        const response = await backend.fetch(`/api/scaffolder${probe.path}`, {
          method: probe.method,
          token: backend.token,
          headers: probe.body === undefined ? undefined : { 'content-type': 'application/json' },
          body: probe.body,
        });
        const text = await response.text();
        if (response.status >= 500)
          failures.push(
            `${probe.method} ${probe.path.slice(0, 120)} ${probe.body?.slice(0, 120) ?? ''} -> ${response.status} ${text.slice(0, 200)}`,
          );
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 300_000);
});
