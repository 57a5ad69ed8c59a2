import type { AuditRecord } from '@atrium/kernel';
import type { TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Layout } from '../../common/layout.js';
import { startLayoutBackend } from '../__fixtures__/layout-backend.js';
import { readStates } from '../__fixtures__/state-stream.js';

const base = ['page:catalog', { 'nav-item:search': { config: { title: 'Find' } } }];
const json = { 'content-type': 'application/json' };

let backend: TestBackend;
let audit: AuditRecord[];
let admin: string;
beforeAll(async () => {
  ({ backend, audit } = await startLayoutBackend({ app: { extensions: base } }));
  admin = await backend.userToken('user:default/admin');
});
afterAll(() => backend?.stop());

const save = (body: unknown, token = admin) =>
  backend.fetch('/api/app/layout', { method: 'PUT', token, headers: json, body: JSON.stringify(body) });

describe('layout overrides', () => {
  it('layers saved overrides over the config base, live on the stream and in a fresh page', async () => {
    const stream = readStates(await backend.fetch('/api/app/frontend-state/stream'));
    expect((await stream.next()).extensions).toEqual(base);
    const res = await save({ overrides: [{ 'nav-item:search': false }], expectedRevision: 0 });
    expect(res.status).toBe(200);
    const layout: Layout = await res.json();
    expect(layout).toMatchObject({ base, overrides: [{ 'nav-item:search': false }], revision: 1 });
    expect(layout.updatedBy).toBe('user:default/admin');
    const pushed = await stream.next();
    expect(pushed.extensions).toEqual([...base, { 'nav-item:search': false }]);
    expect(await (await backend.fetch('/')).text()).toContain('{"nav-item:search":false}');
    await stream.close();
    const [record] = audit.filter((r) => r.eventId === 'app.layout.save');
    expect(record).toMatchObject({ status: 'succeeded', meta: { revision: 1 } });
  });

  it('refuses a save made from an older revision, naming who saved since', async () => {
    const res = await save({ overrides: [], expectedRevision: 0 });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('user:default/admin');
  });

  it('refuses users without app.layout.update, and bad entries naming the field', async () => {
    const mallory = await backend.userToken('user:default/mallory');
    const access = (token: string) =>
      backend.fetch('/api/app/layout/access', { token }).then((r) => r.json());
    expect(await access(mallory)).toEqual({ canUpdate: false });
    expect(await access(admin)).toEqual({ canUpdate: true });
    expect((await save({ overrides: [] }, mallory)).status).toBe(403);
    expect((await backend.fetch('/api/app/layout', { token: mallory })).status).toBe(403);
    expect((await backend.fetch('/api/app/layout')).status).toBe(401);
    const bad = await save({ overrides: [{ 'page:a': { hidden: true } }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/overrides/);
    const twoKeys = await save({ overrides: [{ 'page:a': false, 'page:b': false }] });
    expect(twoKeys.status).toBe(400);
  });

  it('exports the effective layout as app-config.yaml and imports it back to the same state', async () => {
    const exported = await (await backend.fetch('/api/app/layout/export', { token: admin })).json();
    expect(parse(exported.yaml)).toEqual({
      app: {
        extensions: ['page:catalog', { 'nav-item:search': { config: { title: 'Find' }, disabled: true } }],
      },
    });
    const before = await (await backend.fetch('/api/app/frontend-state')).json();
    expect((await backend.fetch('/api/app/layout', { method: 'DELETE', token: admin })).status).toBe(200);
    const reset = await (await backend.fetch('/api/app/frontend-state')).json();
    expect(reset.extensions).toEqual(base);
    const imported = await backend.fetch('/api/app/layout/import', {
      method: 'POST',
      token: admin,
      headers: json,
      body: JSON.stringify({ yaml: exported.yaml }),
    });
    expect(imported.status).toBe(200);
    const after = await (await backend.fetch('/api/app/frontend-state')).json();
    // Same effective layout; the web app reads both lists alike (last entry per id wins).
    expect(after.extensions.at(-1)).toEqual({
      'nav-item:search': { config: { title: 'Find' }, disabled: true },
    });
    expect(after.revision).not.toBe(before.revision);
  });

  it('refuses an import that is not YAML or holds no layout', async () => {
    const post = (yaml: string) =>
      backend.fetch('/api/app/layout/import', {
        method: 'POST',
        token: admin,
        headers: json,
        body: JSON.stringify({ yaml }),
      });
    const notYaml = await post('app: [unclosed');
    expect(notYaml.status).toBe(400);
    expect((await notYaml.json()).error.message).toContain('not valid YAML');
    const noLayout = await post('backend: {}');
    expect((await noLayout.json()).error.message).toContain('no layout');
    const badEntry = await post('- 42');
    expect((await badEntry.json()).error.message).toContain('not valid at 0');
  });
});
