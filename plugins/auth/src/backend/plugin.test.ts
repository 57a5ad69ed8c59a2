import { startTestBackend } from '@atrium/test-kit';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { authPlugin } from './plugin.js';

const xhr = { 'x-requested-with': 'XMLHttpRequest' };

describe('auth plugin', () => {
  it('signs a guest in with a token the backend accepts and the JWKS verifies', async () => {
    const backend = await startTestBackend({
      features: [authPlugin],
      config: { auth: { providers: { guest: {} } } },
    });
    try {
      expect(await (await backend.fetch('/api/auth/providers')).json()).toEqual({
        providers: [{ id: 'guest', title: 'Guest' }],
      });
      const response = await backend.fetch('/api/auth/guest/refresh', { headers: xhr });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { backstageIdentity: { token: string; identity: unknown } };
      expect(body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:development/guest',
        ownershipEntityRefs: ['user:development/guest'],
      });
      const jwks = await (await backend.fetch('/api/auth/.well-known/jwks.json')).json();
      const { payload, protectedHeader } = await jwtVerify(
        body.backstageIdentity.token,
        createLocalJWKSet(jwks as never),
      );
      expect(payload.sub).toBe('user:development/guest');
      expect(protectedHeader.typ).toBe('vnd.backstage.user');
      const openapi = await backend.fetch('/api/auth/openapi.json', { token: body.backstageIdentity.token });
      expect(openapi.status).toBe(200);
    } finally {
      await backend.stop();
    }
  });

  it('requires the X-Requested-With header and a configured provider', async () => {
    const backend = await startTestBackend({
      features: [authPlugin],
      config: { auth: { providers: { guest: {} } } },
    });
    try {
      expect((await backend.fetch('/api/auth/guest/refresh')).status).toBe(400);
      const unknown = await backend.fetch('/api/auth/github/refresh', { headers: xhr });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
        "sign-in provider 'github' is not configured; configured: guest",
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses guest sign-in in production unless explicitly allowed', async () => {
    const env = { NODE_ENV: 'production' };
    {
      const refused = await startTestBackend({
        features: [authPlugin],
        env,
        config: { auth: { providers: { guest: {} } } },
      });
      const response = await refused.fetch('/api/auth/guest/refresh', { headers: xhr });
      await refused.stop();
      expect(response.status).toBe(403);
      const allowed = await startTestBackend({
        features: [authPlugin],
        env,
        config: { auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } } },
      });
      const ok = await allowed.fetch('/api/auth/guest/refresh', { headers: xhr });
      await allowed.stop();
      expect(ok.status).toBe(200);
    }
  });
});
