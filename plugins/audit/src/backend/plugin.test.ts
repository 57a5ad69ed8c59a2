import { createCredentials } from '@atrium/kernel';
import type { TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../common/index.js';
import { createAuditProbe, startAuditBackend } from './__fixtures__/audit-probe.js';

/** Records reach the table after a short batching delay. */
const poll = { timeout: 10_000, interval: 25 };

const ada = createCredentials({ type: 'user', userEntityRef: 'user:default/ada', ownershipEntityRefs: [] });
const bob = createCredentials({ type: 'user', userEntityRef: 'user:default/bob', ownershipEntityRefs: [] });

describe('audit plugin', () => {
  let backend: TestBackend;
  let token: string;
  const probe = createAuditProbe();

  async function list(query = ''): Promise<{ items: AuditEvent[]; pageInfo: { nextCursor?: string } }> {
    const res = await backend.fetch(`/api/audit/events?${query}`, { token });
    expect(res.status).toBe(200);
    return res.json();
  }
  const probeEvents = (query = '') => list(`pluginId=probe&${query}`);

  beforeAll(async () => {
    backend = await startAuditBackend(probe);
    token = await backend.userToken('user:default/auditor');
    const auditor = probe.auditor();
    // Apart in time, so that newest first has one answer.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    await auditor.record({
      eventId: 'thing.create',
      severityLevel: 'medium',
      credentials: ada,
      target: 'component:default/a',
      status: 'succeeded',
    });
    await tick();
    await auditor.record({
      eventId: 'thing.delete',
      severityLevel: 'high',
      credentials: bob,
      target: 'component:default/b',
      status: 'failed',
      error: new Error('nope'),
    });
    await tick();
    const event = await auditor.createEvent({
      eventId: 'thing.create',
      credentials: bob,
      meta: { note: '50%_off' },
    });
    await event.success({ target: 'component:default/c' });
    await tick();
    await auditor.record({
      eventId: 'thing.update',
      credentials: ada,
      target: 'component:default/a',
      status: 'succeeded',
    });
    await vi.waitFor(async () => expect((await probeEvents()).items).toHaveLength(4), poll);
  });
  afterAll(() => backend.stop());

  it('serves stored events newest first with actor, target, outcome and meta', async () => {
    const { items } = await probeEvents();
    expect(items.map((e) => e.eventId)).toEqual([
      'probe.thing.update',
      'probe.thing.create',
      'probe.thing.delete',
      'probe.thing.create',
    ]);
    expect(items[2]).toMatchObject({
      severityLevel: 'high',
      status: 'failed',
      actor: { type: 'user', actorId: 'user:default/bob' },
      target: 'component:default/b',
      error: { message: 'nope' },
    });
    expect(items[1]?.meta).toEqual({ note: '50%_off' });
  });

  it('filters by event, severity, actor, status, target and free text', async () => {
    const ids = async (query: string) => (await probeEvents(query)).items.map((e) => e.target);
    expect(await ids('eventId=probe.thing.create')).toEqual(['component:default/c', 'component:default/a']);
    expect(await ids('severity=high&severity=medium')).toEqual([
      'component:default/b',
      'component:default/a',
    ]);
    expect(await ids('actorId=user:default/ada')).toEqual(['component:default/a', 'component:default/a']);
    expect(await ids('status=failed')).toEqual(['component:default/b']);
    expect(await ids('target=component:default/c')).toEqual(['component:default/c']);
    expect(await ids('q=COMPONENT%3Adefault%2Fb')).toEqual(['component:default/b']);
    // LIKE wildcards in the text are literal: '%' matches no target.
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('actorType=service')).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await ids(`from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await ids(`to=${encodeURIComponent(future)}`)).length).toBe(4);
  });

  it('pages with a cursor through every event once', async () => {
    const all = (await probeEvents()).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await probeEvents(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('reads one event by id, and answers 404 for an unknown id', async () => {
    const [first] = (await probeEvents()).items;
    const res = await backend.fetch(`/api/audit/events/${first?.id}`, { token });
    expect(await res.json()).toEqual(first);
    const missing = await backend.fetch('/api/audit/events/no-such-id', { token });
    expect(missing.status).toBe(404);
  });

  it('refuses bad input naming it', async () => {
    const cursor = await backend.fetch('/api/audit/events?cursor=garbage', { token });
    expect(cursor.status).toBe(400);
    expect((await cursor.json()).error.message).toContain('cursor');
    const severity = await backend.fetch('/api/audit/events?severity=urgent', { token });
    expect(severity.status).toBe(400);
    expect((await severity.json()).error.message).toContain('severity');
  });

  it('refuses anonymous callers and users without audit.event.read, and records the refusal', async () => {
    expect((await backend.fetch('/api/audit/events')).status).toBe(401);
    const mallory = await backend.userToken('user:default/mallory');
    const res = await backend.fetch('/api/audit/events', { token: mallory });
    expect(res.status).toBe(403);
    const refused = await vi.waitFor(async () => {
      const page = await list('eventId=audit.events.read&actorId=user:default/mallory');
      expect(page.items).toHaveLength(1);
      return page;
    }, poll);
    expect(refused.items[0]).toMatchObject({
      status: 'failed',
      severityLevel: 'low',
      request: { method: 'GET' },
    });
  });

  it('has no route that changes or deletes events', async () => {
    const [first] = (await probeEvents()).items;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await backend.fetch(`/api/audit/events/${first?.id}`, { method, token });
      expect(res.status).toBe(404);
    }
  });
});
