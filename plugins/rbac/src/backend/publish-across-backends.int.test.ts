import { createTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rbacPermissionPolicyFactory, rbacPlugin } from './index.js';

const ADMIN = 'user:default/admin';
const readers = {
  name: 'readers',
  members: ['user:default/ann'],
  rules: [{ permission: 'rbac.policy.read', effect: 'allow' }],
};

// Two backends on one PostgreSQL. The poll is slow (60 s), so what B enforces within the
// test's few seconds came through the events transport (LISTEN/NOTIFY).
describe('publishing on one backend, enforced by another on the same PostgreSQL', () => {
  let database: TestDatabase;
  const backends: TestBackend[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      backends.push(
        await startTestBackend({
          features: [rbacPlugin, rbacPermissionPolicyFactory],
          config: {
            backend: { database: database.config },
            permission: { rbac: { admins: [ADMIN], pollIntervalSeconds: 60 } },
          },
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const backend of backends) await backend.stop();
    await database?.cleanup();
  });

  const status = async (backend: TestBackend, path: string, token: string, init: RequestInit = {}) =>
    (await backend.fetch(`/api/rbac${path}`, { ...init, token })).status;

  const eventually = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 5000;
    while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return check();
  };

  it('makes a version published on A live on B within seconds, and a restore too', async () => {
    const [a, b] = backends as [TestBackend, TestBackend];
    const ann = await b.userToken('user:default/ann');
    const admin = await a.userToken(ADMIN);
    const json = { 'content-type': 'application/json' };
    expect(await status(b, '/versions', ann)).toBe(403);
    await a.fetch('/api/rbac/draft', {
      method: 'PUT',
      token: admin,
      headers: json,
      body: JSON.stringify({ policy: { roles: [readers] } }),
    });
    expect(await status(a, '/draft/publish', admin, { method: 'POST', headers: json, body: '{}' })).toBe(201);
    expect(await eventually(async () => (await status(b, '/versions', ann)) === 200)).toBe(true);

    await a.fetch('/api/rbac/draft', {
      method: 'PUT',
      token: admin,
      headers: json,
      body: JSON.stringify({ policy: { roles: [] } }),
    });
    expect(await status(a, '/draft/publish', admin, { method: 'POST', headers: json, body: '{}' })).toBe(201);
    expect(await eventually(async () => (await status(b, '/versions', ann)) === 403)).toBe(true);
    // Restoring on B makes version 1 live again on A.
    const bAdmin = await b.userToken(ADMIN);
    expect(await status(b, '/versions/1/restore', bAdmin, { method: 'POST' })).toBe(201);
    const annOnA = await a.userToken('user:default/ann');
    expect(await eventually(async () => (await status(a, '/versions', annOnA)) === 200)).toBe(true);
  });
});
