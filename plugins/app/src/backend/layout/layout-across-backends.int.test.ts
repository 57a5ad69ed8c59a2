import { createTestDatabase, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLayoutBackend } from '../__fixtures__/layout-backend.js';
import { readStates } from '../__fixtures__/state-stream.js';

// Two backends on one PostgreSQL: a save on A reaches a browser's stream on B through the
// kernel's events (LISTEN/NOTIFY); nothing polls.
describe('a layout saved on one backend reaches the browsers of another', () => {
  let database: TestDatabase;
  const backends: TestBackend[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++)
      backends.push((await startLayoutBackend({ backend: { database: database.config } })).backend);
  }, 60_000);
  afterAll(async () => {
    for (const backend of backends) await backend.stop();
    await database?.cleanup();
  });

  it('pushes the new state to an SSE client of B, and B serves it to a fresh page', async () => {
    const [a, b] = backends as [TestBackend, TestBackend];
    const stream = readStates(await b.fetch('/api/app/frontend-state/stream'));
    const first = await stream.next();
    expect(first.extensions).toEqual([]);
    const res = await a.fetch('/api/app/layout', {
      method: 'PUT',
      token: await a.userToken('user:default/admin'),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ overrides: [{ 'entity-content:catalog/docs': false }] }),
    });
    expect(res.status).toBe(200);
    const pushed = await stream.next();
    expect(pushed.extensions).toEqual([{ 'entity-content:catalog/docs': false }]);
    const onA = await (await a.fetch('/api/app/frontend-state')).json();
    expect(pushed.revision).toBe(onA.revision);
    expect(await (await b.fetch('/')).text()).toContain('entity-content:catalog/docs');
    await stream.close();
  });
});
