import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaptureLogger, startTestBackend } from '@atrium/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rbacPermissionPolicyFactory, rbacPlugin } from './index.js';

const ADMIN = 'user:default/admin';
const readers = {
  name: 'readers',
  members: ['group:default/team-a'],
  rules: [{ permission: 'rbac.policy.read', effect: 'allow' }],
};
const VALID = `roles:\n  - name: readers\n    members: [group:default/team-a]\n    rules:\n      - { permission: rbac.policy.read, effect: allow }\n`;
const INVALID = `roles:\n  - name: readers\n    members: [group:default/team-a]\n    rules:\n      - { permission: rbac.policy.read, effect: maybe }\n`;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(rbac: Record<string, unknown>, logger = createCaptureLogger()) {
  const backend = await startTestBackend({
    features: [rbacPlugin, rbacPermissionPolicyFactory],
    config: { permission: { rbac: { admins: [ADMIN], pollIntervalSeconds: 0.05, ...rbac } } },
    logger,
  });
  cleanups.push(() => backend.stop());
  const admin = await backend.userToken(ADMIN);
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await backend.fetch(`/api/rbac${path}`, {
      method,
      token,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  };
  return { backend, admin, call, logger };
}

function policyFile(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-rbac-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'rbac-policy.yaml');
  writeFileSync(path, text);
  return path;
}

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(await check()).toBe(true);
}

describe('rbac plugin', () => {
  let portal: Awaited<ReturnType<typeof start>>;

  it('refuses the API to users without rbac.policy.read, and admins always hold it', async () => {
    portal = await start({});
    const user = await portal.backend.userToken('user:default/someone');
    expect((await portal.call('GET', '/draft', user)).status).toBe(403);
    expect((await portal.call('PUT', '/draft', user, { policy: { roles: [] } })).status).toBe(403);
    expect((await portal.call('GET', '/access', user)).json()).toEqual({ canRead: false, canWrite: false });
    expect((await portal.call('GET', '/access', portal.admin)).json()).toEqual({
      canRead: true,
      canWrite: true,
    });
    expect((await portal.call('GET', '/policy', portal.admin)).json()).toEqual({ version: null });
  });

  it('edits a draft without effect, publishes it as a version, diffs, restores and exports it', async () => {
    portal = await start({});
    const { call, admin, backend } = portal;
    const member = await backend.userToken('user:default/ann', ['user:default/ann', 'group:default/team-a']);
    expect((await call('PUT', '/draft', admin, { policy: { roles: [readers] } })).status).toBe(200);
    expect((await call('GET', '/draft', member)).status).toBe(403);
    expect((await call('GET', '/draft/diff', admin)).json()).toMatchObject({
      from: null,
      to: 'draft',
      added: [{ name: 'readers' }],
    });
    const published = await call('POST', '/draft/publish', admin, { message: 'first' });
    expect(published.status).toBe(201);
    expect(published.json()).toMatchObject({
      version: 1,
      publishedBy: ADMIN,
      source: 'ui',
      message: 'first',
    });
    expect((await call('GET', '/draft', member)).json()).toMatchObject({
      baseVersion: 1,
      policy: { roles: [{ name: 'readers' }] },
    });
    expect((await call('PUT', '/draft', member, { policy: { roles: [] } })).status).toBe(403);

    await call('PUT', '/draft', admin, {
      policy: { roles: [{ ...readers, members: ['group:default/team-b'] }] },
    });
    expect((await call('POST', '/draft/publish', admin, {})).json()).toMatchObject({ version: 2 });
    expect((await call('GET', '/draft', member)).status).toBe(403);
    expect((await call('GET', '/versions/2/diff', admin)).json()).toMatchObject({
      from: 1,
      to: 2,
      changed: [
        { name: 'readers', membersAdded: ['group:default/team-b'], membersRemoved: ['group:default/team-a'] },
      ],
    });
    expect((await call('POST', '/versions/1/restore', admin)).json()).toMatchObject({
      version: 3,
      source: 'restore',
    });
    expect((await call('GET', '/draft', member)).status).toBe(200);
    expect(
      (await call('GET', '/versions', admin)).json().items.map((v: { version: number }) => v.version),
    ).toEqual([3, 2, 1]);
    const exported = await call('GET', '/policy/export', admin);
    expect(parse(exported.text)).toEqual({
      roles: [{ ...readers, rules: [{ permission: 'rbac.policy.read', effect: 'allow' }] }],
    });
    expect((await call('GET', '/versions/9', admin)).status).toBe(404);
    const audited = portal.logger.lines.map((l) => JSON.stringify(l));
    for (const id of ['rbac.draft.update', 'rbac.policy.publish', 'rbac.policy.restore']) {
      expect(audited.some((line) => line.includes(id) && line.includes('succeeded'))).toBe(true);
    }
  });

  it('refuses an invalid draft with the field that is wrong', async () => {
    portal = await start({});
    const bad = await portal.call('PUT', '/draft', portal.admin, {
      policy: { roles: [{ name: 'x', members: ['team-a'], rules: [] }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/members/);
  });

  it('seeds an empty database from the policy file', async () => {
    portal = await start({ policyFile: policyFile(VALID) });
    expect((await portal.call('GET', '/policy', portal.admin)).json().version).toMatchObject({
      version: 1,
      source: 'file',
      policy: { roles: [readers] },
    });
  });

  it('names the role and field of an invalid policy file and keeps the last good policy live', async () => {
    const path = policyFile(VALID);
    const logger = createCaptureLogger();
    portal = await start({ policyFile: path, policyFileMode: 'replace' }, logger);
    const member = await portal.backend.userToken('user:default/ann', [
      'user:default/ann',
      'group:default/team-a',
    ]);
    expect((await portal.call('GET', '/draft', member)).status).toBe(200);
    writeFileSync(path, INVALID);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await waitFor(async () => logger.lines.some((l) => l.level === 'error'));
    const error = logger.lines.find((l) => l.level === 'error')!.message;
    expect(error).toContain("role 'readers' (roles[0]), field 'rules[0].effect'");
    expect(error).toContain('the last good policy stays live');
    expect((await portal.call('GET', '/draft', member)).status).toBe(200);
    expect((await portal.call('GET', '/versions', portal.admin)).json().items).toHaveLength(1);
    writeFileSync(path, 'roles: []\n');
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    await waitFor(async () => (await portal.call('GET', '/draft', member)).status === 403);
  });

  it('lists installed permissions and resource types for the editor', async () => {
    portal = await start({});
    const permissions = (await portal.call('GET', '/permissions', portal.admin)).json().permissions;
    expect(permissions).toContainEqual({
      pluginId: 'rbac',
      name: 'rbac.policy.write',
      type: 'basic',
      action: 'update',
      description: 'Edit and publish the RBAC policy',
    });
    expect((await portal.call('GET', '/conditions', portal.admin)).json()).toEqual({ resourceTypes: [] });
  });
});
