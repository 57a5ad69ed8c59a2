import { defineHttpApi } from '@atrium/http-api';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { definePermission } from '../../definitions/define-permission.js';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';

const docRead = definePermission({ name: 'docs.doc.read', attributes: { action: 'read' } });
const docCreate = definePermission({ name: 'docs.doc.create', attributes: { action: 'create' } });
const docDelete = definePermission({ name: 'docs.doc.delete', attributes: { action: 'delete' } });
const docAudit = definePermission({ name: 'docs.doc.audit' });
const all = [docRead, docCreate, docDelete, docAudit];

const checkApi = defineHttpApi({
  routes: { check: { method: 'GET', path: '/check', query: z.object({ name: z.string() }) } },
});

/** A plugin that answers the permission decisions of its caller, definitive and conditional. */
function checkingPlugin(id: string, permissions = all) {
  return definePlugin({
    id,
    deps: { http: coreServices.httpRouter, permissions: coreServices.permissions },
    permissions,
    apis: [checkApi],
    init({ deps }) {
      deps.http.implement(checkApi, {
        async check({ query, credentials }) {
          const permission = all.find((p) => p.name === query.name) ?? docRead;
          const [definitive] = await deps.permissions.authorize([{ permission }], { credentials });
          const [conditional] = await deps.permissions.authorizeConditional([{ permission }], {
            credentials,
          });
          return { authorize: definitive?.result, conditional: conditional?.result };
        },
      });
    },
  });
}

const secret = Buffer.from('a legacy shared secret of 32 bytes!').toString('base64');
const key = Buffer.from(secret, 'base64');
const now = () => Math.floor(Date.now() / 1000);

async function legacyToken(claims: Record<string, unknown>, alg = 'HS256') {
  return new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
}

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({
    features: [checkingPlugin('docs'), checkingPlugin('other', [])],
    config: {
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: 'read-only-token', subject: 'reader' },
              accessRestrictions: [{ plugin: 'docs', permission: 'docs.doc.read' }],
            },
            {
              type: 'static',
              options: { token: 'create-read-token', subject: 'creator' },
              accessRestrictions: [
                { plugin: 'docs', permissionAttribute: { action: ['read', 'create'] } },
                { plugin: 'other' },
              ],
            },
            {
              type: 'static',
              options: { token: 'names-token', subject: 'names' },
              accessRestrictions: [{ plugin: 'docs', permission: 'docs.doc.read, docs.doc.audit' }],
            },
            { type: 'legacy', options: { secret, subject: 'legacy-caller' } },
          ],
        },
      },
    },
  });
});
afterAll(() => backend.stop());

async function decide(pluginId: string, name: string, token: string) {
  const response = await backend.fetch(`/api/${pluginId}/check?name=${name}`, { token });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('external access restrictions', () => {
  it('denies permissions outside a token restricted to named permissions, whatever the policy says', async () => {
    expect((await decide('docs', 'docs.doc.read', 'read-only-token')).body).toEqual({
      authorize: 'ALLOW',
      conditional: 'ALLOW',
    });
    for (const name of ['docs.doc.delete', 'docs.doc.create', 'docs.doc.audit']) {
      expect((await decide('docs', name, 'read-only-token')).body).toEqual({
        authorize: 'DENY',
        conditional: 'DENY',
      });
    }
    expect((await decide('docs', 'docs.doc.audit', 'names-token')).body.authorize).toBe('ALLOW');
    expect((await decide('docs', 'docs.doc.delete', 'names-token')).body.authorize).toBe('DENY');
  });

  it('denies actions outside a permissionAttribute restriction, and permissions without an action', async () => {
    expect((await decide('docs', 'docs.doc.create', 'create-read-token')).body.authorize).toBe('ALLOW');
    expect((await decide('docs', 'docs.doc.read', 'create-read-token')).body.authorize).toBe('ALLOW');
    expect((await decide('docs', 'docs.doc.delete', 'create-read-token')).body).toEqual({
      authorize: 'DENY',
      conditional: 'DENY',
    });
    expect((await decide('docs', 'docs.doc.audit', 'create-read-token')).body.authorize).toBe('DENY');
  });

  it('applies restrictions per plugin entry and refuses plugins without an entry', async () => {
    // 'other' is listed without permission limits: unrestricted there.
    expect((await decide('other', 'docs.doc.delete', 'create-read-token')).status).toBe(200);
    const refused = await decide('other', 'docs.doc.read', 'read-only-token');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      message: "external access 'reader' is restricted to plugins 'docs'",
    });
  });

  it('refuses two entries for one plugin and unknown actions at startup', async () => {
    const start = (accessRestrictions: unknown[]) =>
      startTestBackend({
        features: [],
        config: {
          backend: {
            auth: {
              externalAccess: [
                { type: 'static', options: { token: 'x-token-123', subject: 'x' }, accessRestrictions },
              ],
            },
          },
        },
      } as never);
    await expect(
      start([{ plugin: 'docs' }, { plugin: 'docs', permission: 'docs.doc.read' }]),
    ).rejects.toThrow(/plugin 'docs' has two accessRestrictions entries/);
    await expect(start([{ plugin: 'docs', permissionAttribute: { action: ['erase'] } }])).rejects.toThrow(
      /accessRestrictions/,
    );
  });
});

describe('legacy (HS256) external tokens', () => {
  it('accepts a token with sub backstage-server and a near expiry', async () => {
    const token = await legacyToken({ sub: 'backstage-server', exp: now() + 600 });
    expect((await decide('docs', 'docs.doc.read', token)).status).toBe(200);
  });

  it('refuses a token without exp, or that lives longer than an hour', async () => {
    const forever = await legacyToken({ sub: 'backstage-server' });
    expect((await decide('docs', 'docs.doc.read', forever)).status).toBe(401);
    const long = await legacyToken({ sub: 'backstage-server', exp: now() + 24 * 3600 });
    expect((await decide('docs', 'docs.doc.read', long)).status).toBe(401);
  });

  it('refuses another subject, an audience, another algorithm or an expired token', async () => {
    for (const token of [
      await legacyToken({ sub: 'someone', exp: now() + 600 }),
      await legacyToken({ sub: 'backstage-server', aud: 'docs', exp: now() + 600 }),
      await legacyToken({ sub: 'backstage-server', exp: now() + 600 }, 'HS512'),
      await legacyToken({ sub: 'backstage-server', exp: now() - 10 }),
    ]) {
      expect((await decide('docs', 'docs.doc.read', token)).status).toBe(401);
    }
  });

  it('stops accepting a cached token once it expires', async () => {
    const token = await legacyToken({ sub: 'backstage-server', exp: now() + 2 });
    expect((await decide('docs', 'docs.doc.read', token)).status).toBe(200);
    // Only the clock moves past the expiry; timers and sockets run for real.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3000);
      expect((await decide('docs', 'docs.doc.read', token)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
