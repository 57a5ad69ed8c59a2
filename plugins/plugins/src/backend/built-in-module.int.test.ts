import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffolderPlugin } from '@atrium/scaffolder/backend';
import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedPlugin, generateActionModule } from './__fixtures__/plugin-package.js';
import { pluginsPlugin } from './plugin.js';

const CLIENTS = 16;
const moduleId = 'zz-hello-action';
const actionId = 'acme:zz-hello';

// A scaffolder action module installed into a running portal whose scaffolder is a
// built-in plugin: the scaffolder alone restarts with it, and without it at uninstall.
describe('a module for a built-in plugin', () => {
  let module: GeneratedPlugin;
  let database: TestDatabase;
  let backend: TestBackend;
  let token: string;
  const packages = mkdtempSync(join(tmpdir(), 'atrium-plugins-dir-'));
  const api = (method: string, path: string, body?: unknown) =>
    backend.json(method, `/api/plugins${path}`, { token, body });
  const actionIds = async () => {
    const response = await backend.fetch('/api/scaffolder/v2/actions', { token });
    return ((await response.json()) as Array<{ id: string }>).map((a) => a.id);
  };
  const unpacked = () =>
    readdirSync(packages, { recursive: true }).filter((p) => String(p).split('/').length === 2);

  /** Calls the scaffolder's route from 16 clients while `change` runs; the failures seen. */
  async function underLoad(change: () => Promise<void>): Promise<{ failures: string[]; answered: number }> {
    let done = false;
    let answered = 0;
    const failures: string[] = [];
    const client = async () => {
      while (!done) {
        const response = await backend.fetch('/api/scaffolder/v2/actions', { token }).catch((e: Error) => e);
        if (response instanceof Error || response.status !== 200)
          failures.push(response instanceof Error ? response.message : `status ${response.status}`);
        else await response.arrayBuffer();
        answered += 1;
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    while (answered < CLIENTS * 2) await new Promise((resolve) => setTimeout(resolve, 5));
    try {
      await change();
    } finally {
      const after = answered;
      while (answered < after + CLIENTS * 2) await new Promise((resolve) => setTimeout(resolve, 5));
      done = true;
      await Promise.all(clients);
    }
    return { failures, answered };
  }

  beforeAll(async () => {
    module = generateActionModule(moduleId, actionId);
    module.release('1.0.0');
    database = await createTestDatabase('sqlite', { file: true });
    backend = await startTestBackend({
      features: [scaffolderPlugin, pluginsPlugin],
      config: { backend: { database: database.config }, plugins: { directory: packages } },
    });
    token = await backend.userToken('user:default/admin');
  }, 180_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
    module?.cleanup();
    rmSync(packages, { recursive: true, force: true });
  });

  it('restarts the scaffolder with the action, then without it, failing no request during either switch', async () => {
    const builtInActions = await actionIds();
    expect(builtInActions).not.toContain(actionId);
    const review = await api('POST', '/install', {
      source: { type: 'upload', tarball: module.pack().toString('base64') },
    });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(review.body.declaration).toMatchObject({
      role: 'module',
      pluginId: 'scaffolder',
      extensionPoints: { extends: ['scaffolder.actions'] },
    });

    const install = await underLoad(async () => {
      const enabled = await api('POST', `/installed/${moduleId}/enable`, {});
      expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
    });
    expect(install.failures).toEqual([]);
    expect((await actionIds()).sort()).toEqual([...builtInActions, actionId].sort());
    expect(unpacked()).toHaveLength(1);

    const uninstall = await underLoad(async () => {
      expect((await api('DELETE', `/installed/${moduleId}`)).status).toBe(204);
    });
    expect(uninstall.failures).toEqual([]);
    expect((await actionIds()).sort()).toEqual([...builtInActions].sort());
    // The unpacked package is gone once nothing serves from it.
    expect(unpacked()).toEqual([]);
  }, 120_000);
});
