import { describe, expect, it } from 'vitest';
import { createFakeServer } from './fake-server.js';

const base = 'http://backend.test/api';

describe('the contract-checked fake server', () => {
  it('answers a route by its name in the API definition, recording the request', async () => {
    const server = createFakeServer({ 'scaffolder.getTask': () => Response.json(task) });
    const response = await server.fetch(`${base}/scaffolder/v2/tasks/t1`);
    expect(await response.json()).toEqual(task);
    expect(server.requests.map((r) => r.route)).toEqual(['scaffolder.getTask']);
    expect(server.violations).toEqual([]);
  });

  it('records a canned answer the real server could not give', async () => {
    const server = createFakeServer({
      'scaffolder.getTask': () => Response.json({ ...task, status: 'done' }),
    });
    await server.fetch(`${base}/scaffolder/v2/tasks/t1`);
    expect(server.violations).toEqual([
      expect.stringMatching(/^scaffolder\.getTask: the canned answer breaks the API definition at 'status'/),
    ]);
  });

  it('records a request the real server would refuse, and routes it has no answer for', async () => {
    const server = createFakeServer({
      'scaffolder.listTasks': () => Response.json({ tasks: [], totalTasks: 0 }),
    });
    expect((await server.fetch(`${base}/scaffolder/v2/tasks?limit=0`)).status).toBe(400);
    expect((await server.fetch(`${base}/scaffolder/v2/actions`)).status).toBe(404);
    expect((await server.fetch(`${base}/scaffolder/v9/nothing`)).status).toBe(404);
    expect(server.violations).toEqual([
      expect.stringMatching(/^scaffolder\.listTasks: the request query breaks the API definition at 'limit'/),
      'scaffolder.listActions: no answer for this route in the fake',
      'GET /api/scaffolder/v9/nothing: no such route in the fake',
    ]);
  });
});

const task = {
  id: 't1',
  status: 'completed',
  createdAt: '2026-01-01T00:00:00Z',
  spec: { steps: [] },
};
