import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPlugin } from '@atrium/app/backend';
import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFrontendSourceModule } from '../modules/app-frontend-source/index.js';
import { type GeneratedPlugin, generatePlugin } from './__fixtures__/plugin-package.js';
import { startTestRegistry, type TestRegistry } from './__fixtures__/verdaccio.js';
import { pluginsPlugin } from './plugin.js';

const id = 'zz-radar';
const v2 = (dir: string) => {
  const file = join(dir, 'src/backend/plugin.ts');
  const code = readFileSync(file, 'utf8').replace(
    "items: await db.selectFrom('greetings').selectAll().orderBy('id').execute()",
    "items: (await db.selectFrom('greetings').selectAll().orderBy('id').execute()).map((g) => ({ ...g, message: g.message + ' (v2)' }))",
  );
  writeFileSync(file, code);
};

describe('installing plugins into a running portal', () => {
  let registry: TestRegistry;
  let plugin: GeneratedPlugin;
  let database: TestDatabase;
  let backend: TestBackend;
  let token: string;
  const packages = mkdtempSync(join(tmpdir(), 'atrium-plugins-dir-'));
  const api = (method: string, path: string, body?: unknown) =>
    backend.json(method, `/api/plugins${path}`, { token, body });
  const greetings = async () => {
    const response = await backend.fetch(`/api/${id}/greetings`, { token });
    return { status: response.status, body: await response.json() };
  };

  // The web app's state (seam C): the bundles an open browser loads.
  const frontendNames = async () => {
    const state = (await (await backend.fetch('/api/app/frontend-state')).json()) as {
      features: Array<{ name: string }>;
    };
    return state.features.map((f) => f.name);
  };
  const eventually = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${what} did not happen within 5 s`);
  };

  beforeAll(async () => {
    registry = await startTestRegistry();
    plugin = generatePlugin(id);
    plugin.release('0.1.0');
    await registry.publish(plugin.dir);
    plugin.release('0.2.0', v2);
    await registry.publish(plugin.dir);
    database = await createTestDatabase('sqlite', { file: true });
    backend = await startTestBackend({
      features: [appPlugin, appFrontendSourceModule, pluginsPlugin],
      config: {
        // The registry is read through the urlReader: its host must be on the one allow-list.
        backend: { database: database.config, reading: { allow: [{ host: new URL(registry.url).host }] } },
        plugins: {
          directory: packages,
          allowedRoots: [plugin.dir],
          registry: { url: registry.url, token: registry.token },
        },
      },
    });
    token = await backend.userToken('user:default/admin');
  }, 180_000);
  afterAll(async () => {
    await backend?.stop();
    await registry?.stop();
    await database?.cleanup();
    plugin?.cleanup();
    rmSync(packages, { recursive: true, force: true });
  });

  it('installs name@version from the registry, serves it, upgrades, rolls back and disables it', async () => {
    const install = await api('POST', '/install', {
      source: { type: 'registry', name: `@acme/${id}`, version: '0.1.0' },
    });
    expect(install.status, JSON.stringify(install.body)).toBe(201);
    expect(install.body).toMatchObject({
      pluginId: id,
      version: '0.1.0',
      integrity: expect.stringMatching(/^sha512-/),
      declaration: { routes: `/api/${id}`, migrations: true, hasBackend: true, hasFrontend: true },
    });
    expect((await greetings()).status).toBe(404); // reviewed, not enabled: none of its code ran

    const enabled = await api('POST', `/installed/${id}/enable`, {});
    expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
    expect(enabled.body.backends).toEqual([expect.objectContaining({ state: 'serving', version: '0.1.0' })]);
    expect(await greetings()).toEqual({
      status: 200,
      body: { items: [{ id: 1, message: 'Hello from Zz Radar' }] },
    });
    await eventually(
      async () => (await frontendNames()).includes(`@acme/${id}`),
      'its frontend in the web app state',
    );

    expect(
      (await api('POST', '/install', { source: { type: 'registry', name: `@acme/${id}`, version: '0.2.0' } }))
        .status,
    ).toBe(201);
    const upgraded = await api('POST', `/installed/${id}/upgrade`, { version: '0.2.0' });
    expect(upgraded.body).toMatchObject({ enabledVersion: '0.2.0', state: 'enabled' });
    expect((await greetings()).body.items[0].message).toBe('Hello from Zz Radar (v2)');

    const rolledBack = await api('POST', `/installed/${id}/rollback`, {});
    expect(rolledBack.body).toMatchObject({ enabledVersion: '0.1.0' });
    expect((await greetings()).body.items[0].message).toBe('Hello from Zz Radar');
    // One unpacked folder: each switch removed the folder of the version it replaced.
    expect(readdirSync(join(packages, id))).toHaveLength(1);

    expect((await api('POST', `/installed/${id}/disable`)).body).toMatchObject({ state: 'disabled' });
    const disabled = await greetings();
    expect(disabled.status).toBe(404);
    expect(readdirSync(join(packages, id))).toEqual([]);
    expect(disabled.body.error).toMatchObject({
      code: 'PLUGIN_DISABLED',
      message: expect.stringContaining(`'${id}'`),
    });
    await eventually(
      async () => !(await frontendNames()).includes(`@acme/${id}`),
      'its frontend leaving the web app state',
    );

    const history = await api('GET', `/history?pluginId=${id}`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'disable',
      'rollback',
      'upgrade',
      'install',
      'enable',
      'install',
    ]);
  }, 120_000);

  it('refuses a host API range mismatch, a tampered stored package and an init that throws; the portal serves on', async () => {
    const other = generatePlugin('zz-broken');
    try {
      other.release('1.0.0', (dir) => {
        const file = join(dir, 'src/backend/plugin.ts');
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace(
            'async init({ deps }) {',
            "async init({ deps }) {\n    if (process.env.NEVER_SET_IN_TESTS !== 'x') throw new Error('radar init failed on purpose');",
          ),
        );
      });
      const manifest = JSON.parse(readFileSync(join(other.dir, 'package.json'), 'utf8'));
      writeFileSync(
        join(other.dir, 'package.json'),
        JSON.stringify({ ...manifest, atrium: { ...manifest.atrium, hostApi: '^9.0.0' } }),
      );
      const mismatch = await api('POST', '/install', {
        source: { type: 'upload', tarball: other.pack().toString('base64') },
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.error).toMatchObject({
        code: 'PLUGINS_HOST_API_MISMATCH',
        message: expect.stringMatching(
          /needs host API \^9\.0\.0 .* offers 0\.1\.\d+; it was refused before any of its code ran/,
        ),
      });

      writeFileSync(join(other.dir, 'package.json'), JSON.stringify(manifest));
      const uploaded = await api('POST', '/install', {
        source: { type: 'upload', tarball: other.pack().toString('base64') },
      });
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      const refused = await api('POST', '/installed/zz-broken/enable', {});
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'PLUGINS_START_FAILED',
        message: expect.stringContaining('radar init failed on purpose'),
      });
      expect((await api('GET', '/installed/zz-broken')).body).toMatchObject({ state: 'disabled' });

      // Tampered at rest: the bytes in the database no longer match the integrity recorded at install.
      const file = new Database(
        join(String((database.config.connection as { directory: string }).directory), 'plugins.sqlite'),
      );
      const row = file
        .prepare("SELECT tarball FROM plugins_versions WHERE plugin_id = ? AND version = '0.1.0'")
        .get(id) as { tarball: string };
      const bytes = Buffer.from(row.tarball, 'base64');
      bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0xff;
      file
        .prepare("UPDATE plugins_versions SET tarball = ? WHERE plugin_id = ? AND version = '0.1.0'")
        .run(bytes.toString('base64'), id);
      file.close();
      const tampered = await api('POST', `/installed/${id}/enable`, { version: '0.1.0' });
      expect(tampered.status).toBe(400);
      expect(tampered.body.error.message).toMatch(
        /integrity is sha512-.*, not the sha512-.* recorded for it; it was not loaded/,
      );

      expect((await api('GET', '/installed')).status).toBe(200);
      expect((await api('POST', `/installed/${id}/enable`, { version: '0.2.0' })).status).toBe(200);
      expect((await greetings()).body.items[0].message).toBe('Hello from Zz Radar (v2)');
    } finally {
      other.cleanup();
    }
  }, 120_000);

  it('installs a built folder under plugins.allowedRoots, and refuses a folder outside them', async () => {
    plugin.release('0.3.0');
    const installed = await api('POST', '/install', { source: { type: 'folder', path: plugin.dir } });
    expect(installed.status, JSON.stringify(installed.body)).toBe(201);
    expect(installed.body).toMatchObject({ pluginId: id, version: '0.3.0', alreadyInstalled: false });
    expect(
      (await api('GET', `/installed/${id}`)).body.versions.map((v: { source: string }) => v.source),
    ).toContain(`folder:${plugin.dir}`);
    const outside = await api('POST', '/install', { source: { type: 'folder', path: tmpdir() } });
    expect(outside.status).toBe(403);
    expect(outside.body.error).toMatchObject({
      code: 'PLUGINS_SOURCE_REFUSED',
      message: expect.stringContaining('is not an absolute path under plugins.allowedRoots'),
    });
  }, 60_000);
});
