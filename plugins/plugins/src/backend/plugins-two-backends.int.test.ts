import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GeneratedPlugin, generatePlugin } from './__fixtures__/plugin-package.js';
import { pluginsPlugin } from './plugin.js';

const id = 'zz-shared';

const poll = { timeout: 10_000, interval: 50 };

describe('two backends on one PostgreSQL', () => {
  let database: TestDatabase;
  let plugin: GeneratedPlugin;
  const backends: TestBackend[] = [];
  const folders = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'atrium-plugins-dir-')));

  beforeAll(async () => {
    plugin = generatePlugin(id);
    plugin.release('1.0.0');
    database = await createTestDatabase('postgres');
    for (const [index, directory] of folders.entries()) {
      backends.push(
        await startTestBackend({
          features: [pluginsPlugin],
          config: {
            backend: { database: database.config },
            // A long resync: the other backend converges through the event, not the timer.
            plugins: { directory, backendId: `backend-${index}`, resyncInterval: { minutes: 10 } },
          },
        }),
      );
    }
  }, 180_000);
  afterAll(async () => {
    for (const backend of backends) await backend.stop();
    await database?.cleanup();
    plugin?.cleanup();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('an install and enable on one backend is active on both, and a disable on the other stops it on both', async () => {
    const [a, b] = backends as [TestBackend, TestBackend];
    const token = await a.userToken('user:default/admin');
    const call = (backend: TestBackend, method: string, path: string, body?: unknown) =>
      backend.fetch(`/api/plugins${path}`, {
        method,
        token,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
    const greet = (backend: TestBackend) =>
      backend.fetch(`/api/${id}/greetings`, { token }).then((r) => r.status);

    expect(
      (
        await call(a, 'POST', '/install', {
          source: { type: 'upload', tarball: plugin.pack().toString('base64') },
        })
      ).status,
    ).toBe(201);
    expect((await call(a, 'POST', `/installed/${id}/enable`, {})).status).toBe(200);
    expect(await greet(a)).toBe(200);
    await vi.waitFor(async () => expect(await greet(b), `backend-1 serving ${id}`).toBe(200), poll);

    const status = await vi.waitFor(async () => {
      const plugin = (await (await call(b, 'GET', `/installed/${id}`)).json()) as {
        backends: Array<{ backendId: string; state: string; version: string }>;
      };
      expect(
        plugin.backends.filter((s) => s.state === 'serving'),
        'both backends serving',
      ).toHaveLength(2);
      return plugin;
    }, poll);
    expect(status.backends.map((s) => [s.backendId, s.state, s.version]).sort()).toEqual([
      ['backend-0', 'serving', '1.0.0'],
      ['backend-1', 'serving', '1.0.0'],
    ]);

    expect((await call(b, 'POST', `/installed/${id}/disable`)).status).toBe(200);
    expect(await greet(b)).toBe(404);
    await vi.waitFor(async () => expect(await greet(a), `backend-0 stopping ${id}`).toBe(404), poll);
  }, 60_000);
});
