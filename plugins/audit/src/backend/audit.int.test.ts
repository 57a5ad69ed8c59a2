import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogPlugin } from '@atrium/catalog/backend';
import { createCredentials } from '@atrium/kernel';
import {
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabase,
  testDatabaseKinds,
} from '@atrium/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../common/index.js';
import { runAuditSql } from './__fixtures__/audit-database.js';
import { createAuditProbe } from './__fixtures__/audit-probe.js';
import { auditPlugin } from './plugin.js';

/** Records reach the table after a short batching delay. */
const poll = { timeout: 10_000, interval: 25 };

const components = ['alpha', 'beta', 'gamma']
  .map(
    (name) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`,
  )
  .join('---\n');

const fastAudit = {
  flushDelay: { milliseconds: 5 },
  retention: { days: 30, frequency: { milliseconds: 200 } },
};

describe.each(testDatabaseKinds())('audit log on %s', (kind) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function database(prefix?: string): Promise<TestDatabase> {
    const db = await createTestDatabase(kind, { file: true, prefix });
    cleanups.push(() => db.cleanup());
    return db;
  }
  async function start(
    db: TestDatabase,
    features: Parameters<typeof startTestBackend>[0]['features'],
    config = {},
  ) {
    const backend = await startTestBackend({
      features: [auditPlugin, ...features],
      config: { backend: { database: db.config }, audit: fastAudit, ...config },
    });
    cleanups.push(() => backend.stop());
    return backend;
  }
  async function events(backend: TestBackend, query: string): Promise<AuditEvent[]> {
    const res = await backend.fetch(`/api/audit/events?limit=1000&${query}`, {
      token: await backend.userToken('user:default/admin'),
    });
    expect(res.status).toBe(200);
    return (await res.json()).items;
  }

  it('records a location registered through the API with actor, target and request, and the entities it brings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-audit-catalog-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'catalog-info.yaml'), components);
    const target = join(dir, 'catalog-info.yaml');
    const backend = await start(await database(), [catalogPlugin], {
      catalog: { allowedFileRoots: [dir], processing: { pollInterval: { milliseconds: 40 } } },
    });
    const res = await backend.fetch('/api/catalog/locations', {
      method: 'POST',
      token: await backend.userToken('user:default/ada'),
      headers: { 'content-type': 'application/json', 'user-agent': 'audit-test' },
      body: JSON.stringify({ type: 'file', target }),
    });
    expect(res.status).toBe(201);
    const location = (await res.json()).location;
    const [created] = await vi.waitFor(async () => {
      const found = await events(backend, 'eventId=catalog.location.create');
      expect(found).toHaveLength(1);
      return found;
    }, poll);
    expect(created).toMatchObject({
      pluginId: 'catalog',
      severityLevel: 'medium',
      status: 'succeeded',
      actor: { type: 'user', actorId: 'user:default/ada', userAgent: 'audit-test' },
      target: `file:${target}`,
      request: { method: 'POST', url: '/api/catalog/locations' },
      meta: { locationId: location.id, type: 'file' },
    });
    expect(created?.request?.id).toMatch(/\S/);
    const entities = await vi.waitFor(async () => {
      const found = await events(backend, 'eventId=catalog.entity.create');
      expect(found.filter((e) => e.target?.startsWith('component:'))).toHaveLength(3);
      return found;
    }, poll);
    const alpha = entities.find((e) => e.target === 'component:default/alpha');
    expect(alpha).toMatchObject({
      actor: { type: 'service', actorId: 'plugin:catalog' },
      severityLevel: 'low',
      meta: { location: `file:${target}`, source: 'processing' },
    });
  });

  it('records a refused API mutation as failed', async () => {
    const backend = await start(await database(), [catalogPlugin]);
    const res = await backend.fetch('/api/catalog/locations/no-such-location', {
      method: 'DELETE',
      token: await backend.userToken('user:default/ada'),
    });
    expect(res.status).toBe(404);
    const [deleted] = await vi.waitFor(async () => {
      const found = await events(backend, 'eventId=catalog.location.delete');
      expect(found).toHaveLength(1);
      return found;
    }, poll);
    expect(deleted).toMatchObject({
      status: 'failed',
      error: { name: 'NotFoundError' },
      meta: { locationId: 'no-such-location' },
    });
  });

  it('retention deletes only events older than audit.retention.days', async () => {
    const db = await database();
    const probe = createAuditProbe();
    const backend = await start(db, [probe.plugin]);
    const ada = createCredentials({
      type: 'user',
      userEntityRef: 'user:default/ada',
      ownershipEntityRefs: [],
    });
    await probe.auditor().record({ eventId: 'fresh', credentials: ada, status: 'succeeded' });
    await vi.waitFor(async () => {
      const found = await events(backend, 'eventId=probe.fresh');
      expect(found).toHaveLength(1);
      return found;
    }, poll);
    const old = Date.now() - 31 * 86_400_000;
    const record = JSON.stringify({
      id: 'old-1',
      time: new Date(old).toISOString(),
      pluginId: 'probe',
      eventId: 'probe.old',
      severityLevel: 'low',
      status: 'succeeded',
      actor: { type: 'none' },
      meta: {},
    });
    const insert = `INSERT INTO audit_events (id, time_ms, plugin_id, event_id, severity, status, actor_type, record) VALUES (${kind === 'postgres' ? '$1, $2, $3, $4, $5, $6, $7, $8' : '?, ?, ?, ?, ?, ?, ?, ?'})`;
    await runAuditSql(db, insert, ['old-1', old, 'probe', 'probe.old', 'low', 'succeeded', 'none', record]);
    const recent = Date.now() - 29 * 86_400_000;
    await runAuditSql(db, insert, [
      'recent-1',
      recent,
      'probe',
      'probe.recent',
      'low',
      'succeeded',
      'none',
      record.replace('old-1', 'recent-1'),
    ]);
    await vi.waitFor(async () => {
      const found = await events(backend, 'eventId=probe.old');
      expect(found).toHaveLength(0);
      return found;
    }, poll);
    expect((await events(backend, 'eventId=probe.recent')).map((e) => e.id)).toEqual([
      'old-1'.replace('old', 'recent'),
    ]);
    expect(await events(backend, 'eventId=probe.fresh')).toHaveLength(1);
  });

  it('refuses to update a stored event (append-only table)', async () => {
    const db = await database();
    const probe = createAuditProbe();
    const backend = await start(db, [probe.plugin]);
    await probe.auditor().record({ eventId: 'kept', status: 'succeeded' });
    const [kept] = await vi.waitFor(async () => {
      const found = await events(backend, 'eventId=probe.kept');
      expect(found).toHaveLength(1);
      return found;
    }, poll);
    const update = `UPDATE audit_events SET status = 'failed' WHERE id = ${kind === 'postgres' ? '$1' : '?'}`;
    await expect(runAuditSql(db, update, [kept?.id])).rejects.toThrow(/append-only/);
  });
});

describe('two backends on one PostgreSQL database', () => {
  it('each stores its own records, once', async () => {
    const db = await createTestDatabase('postgres');
    const probes = [createAuditProbe(), createAuditProbe()];
    const backends: TestBackend[] = [];
    try {
      for (const probe of probes) {
        backends.push(
          await startTestBackend({
            features: [auditPlugin, probe.plugin],
            config: { backend: { database: db.config }, audit: fastAudit },
          }),
        );
      }
      for (const [index, probe] of probes.entries()) {
        for (let n = 0; n < 20; n++)
          await probe.auditor().record({ eventId: `from-${index}`, status: 'succeeded', meta: { n } });
      }
      const [first] = backends;
      const token = await first!.userToken('user:default/admin');
      const read = async () =>
        (await (await first!.fetch('/api/audit/events?pluginId=probe&limit=1000', { token })).json())
          .items as AuditEvent[];
      const all = await vi.waitFor(async () => {
        const items = await read();
        expect(items.length).toBeGreaterThanOrEqual(40);
        return items;
      }, poll);
      // Give a duplicate a chance to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = (await read()).map((e) => e.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
      expect(all.filter((e) => e.eventId === 'probe.from-0')).toHaveLength(20);
      expect(all.filter((e) => e.eventId === 'probe.from-1')).toHaveLength(20);
    } finally {
      for (const backend of backends) await backend.stop();
      await db.cleanup();
    }
  });
});
