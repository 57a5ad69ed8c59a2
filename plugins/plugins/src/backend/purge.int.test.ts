import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedPlugin, generatePlugin } from './__fixtures__/plugin-package.js';
import { pluginsPlugin } from './plugin.js';

const id = 'zz-purge';

// Each start of the plugin adds a row: the count tells whether its data survived an uninstall.
const countStarts = (dir: string) => {
  const file = join(dir, 'src/backend/plugin.ts');
  const code = readFileSync(file, 'utf8').replace(
    'const db = await deps.db.getClient<Tables>();',
    `const db = await deps.db.getClient<Tables>();
    const { n } = await db.selectFrom('greetings').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await db.insertInto('greetings').values({ id: Number(n) + 1, message: 'started' }).execute();`,
  );
  writeFileSync(file, code);
};

describe.each(['sqlite', 'postgres'] as const)('uninstall with and without purge on %s', (kind) => {
  let plugin: GeneratedPlugin;
  let database: TestDatabase;
  let backend: TestBackend;
  let token: string;
  let tarball: string;
  const packages = mkdtempSync(join(tmpdir(), 'atrium-plugins-dir-'));
  const call = (method: string, path: string, body?: unknown) => backend.json(method, path, { token, body });
  const installAndEnable = async () => {
    expect((await call('POST', '/api/plugins/install', { source: { type: 'upload', tarball } })).status).toBe(
      201,
    );
    expect((await call('POST', `/api/plugins/installed/${id}/enable`, {})).status).toBe(200);
    return (await call('GET', `/api/${id}/greetings`)).body.items.length as number;
  };
  /** Whether the plugin's own database (SQLite file or PostgreSQL schema) exists. */
  const storedData = async (): Promise<boolean> => {
    const config = database.config as { connection: unknown; prefix?: string };
    if (kind === 'sqlite')
      return existsSync(join((config.connection as { directory: string }).directory, `${id}.sqlite`));
    const client = new pg.Client({ connectionString: String(config.connection) });
    await client.connect();
    try {
      const schema = `${config.prefix}${id.replace(/-/g, '_')}`;
      const found = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [
        schema,
      ]);
      return found.rowCount === 1;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    plugin = generatePlugin(id);
    plugin.release('1.0.0', countStarts);
    tarball = plugin.pack().toString('base64');
    database = await createTestDatabase(kind, { file: true });
    backend = await startTestBackend({
      features: [pluginsPlugin],
      config: { backend: { database: database.config }, plugins: { directory: packages } },
    });
    token = await backend.userToken('user:default/admin');
  }, 180_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
    plugin?.cleanup();
    rmSync(packages, { recursive: true, force: true });
  });

  it('keeps the data without purge and drops it (schema or file) with purge; both audited in the history', async () => {
    expect(await installAndEnable()).toBe(2); // the migration's greeting and one start

    expect((await call('DELETE', `/api/plugins/installed/${id}`)).status).toBe(204);
    expect(await storedData()).toBe(true);
    expect(await installAndEnable()).toBe(3); // kept: a second start on the same rows

    expect((await call('DELETE', `/api/plugins/installed/${id}?purge=true`)).status).toBe(204);
    expect(await storedData()).toBe(false);
    expect((await call('GET', `/api/${id}/greetings`)).status).toBe(404);
    expect(await installAndEnable()).toBe(2); // a fresh database: migrated anew

    const history = await call('GET', `/api/plugins/history?pluginId=${id}`);
    expect(history.body.items.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([
        'uninstalled and purged: every version removed and its database data dropped',
        'uninstalled: every version removed; its database data is kept',
      ]),
    );
  }, 120_000);
});
