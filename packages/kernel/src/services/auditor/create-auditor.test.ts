import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCredentials } from '../auth/credentials.js';
import { createRootLogger } from '../logger/logger-service.js';
import type { AuditRecord } from './auditor-types.js';
import { createAuditHub } from './create-auditor.js';

async function logLines() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = await createRootLogger({ format: 'json', destination: stream, level: 'debug' });
  return { lines, logger };
}

const ada = createCredentials({ type: 'user', userEntityRef: 'user:default/ada', ownershipEntityRefs: [] });

describe('audit hub', () => {
  it('prints each finished event as a JSON line and hands it to every sink once', async () => {
    const { lines, logger } = await logLines();
    const hub = createAuditHub(logger);
    const stored: AuditRecord[] = [];
    hub.add({ write: async (records) => void stored.push(...records) });
    const auditor = hub.forPlugin('catalog');
    const event = await auditor.createEvent({
      eventId: 'location.create',
      severityLevel: 'medium',
      credentials: ada,
      meta: { type: 'url' },
    });
    await event.success({ target: 'location:default/x', meta: { entities: 2 } });
    await event.fail({ error: new Error('late') });
    await new Promise((r) => setImmediate(r));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      eventId: 'catalog.location.create',
      pluginId: 'catalog',
      severityLevel: 'medium',
      status: 'succeeded',
      actor: { type: 'user', actorId: 'user:default/ada' },
      target: 'location:default/x',
      meta: { type: 'url', entities: 2 },
    });
    expect(lines.filter((l) => l.isAuditEvent === true)).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'catalog.location.create', status: 'succeeded', level: 30 });
  });

  it('records failures with the error and keeps records made before a sink is added', async () => {
    const { logger } = await logLines();
    const hub = createAuditHub(logger);
    const auditor = hub.forPlugin('scaffolder');
    await auditor.record({ eventId: 'task.create', status: 'failed', error: new Error('no template') });
    expect(hub.pending()).toBe(1);
    const stored: AuditRecord[] = [];
    hub.add({ write: async (records) => void stored.push(...records) });
    await new Promise((r) => setImmediate(r));
    expect(hub.pending()).toBe(0);
    expect(stored[0]).toMatchObject({
      eventId: 'scaffolder.task.create',
      status: 'failed',
      actor: { type: 'none' },
      error: { name: 'Error', message: 'no template' },
    });
  });

  it('logs a sink failure without failing the audited action', async () => {
    const { lines, logger } = await logLines();
    const hub = createAuditHub(logger);
    hub.add({ write: async () => Promise.reject(new Error('disk full')) });
    await hub.forPlugin('auth').record({ eventId: 'signin', status: 'succeeded', credentials: ada });
    await new Promise((r) => setImmediate(r));
    expect(lines.some((l) => String(l.msg).startsWith('audit sink failed'))).toBe(true);
  });
});
