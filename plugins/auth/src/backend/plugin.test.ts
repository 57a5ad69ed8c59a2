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
        providers: [{ id: 'guest', title: 'Guest', flow: 'direct' }],
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

  const startWith = (env: Record<string, string | undefined>, auth: Record<string, unknown>) =>
    startTestBackend({ features: [authPlugin], env, config: { auth: auth as never } });

  async function guestState(env: Record<string, string | undefined>, auth: Record<string, unknown>) {
    const backend = await startWith(env, auth);
    try {
      const listed = (await (await backend.fetch('/api/auth/providers')).json()) as {
        providers: Array<{ id: string }>;
      };
      const refresh = await backend.fetch('/api/auth/guest/refresh', { headers: xhr });
      const body = (await refresh.json()) as { error?: { message: string } };
      return {
        listed: listed.providers.map((p) => p.id),
        status: refresh.status,
        error: body.error?.message,
      };
    } finally {
      await backend.stop();
    }
  }

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }, {}],
    ['NODE_ENV=staging', { NODE_ENV: 'staging' }, {}],
    ['auth.environment=production', { NODE_ENV: 'development' }, { environment: 'production' }],
    ['auth.environment=staging with NODE_ENV unset', {}, { environment: 'staging' }],
  ])('refuses guest sign-in and does not list it under %s', async (_, env, auth) => {
    const state = await guestState(env, { ...auth, providers: { guest: {} } });
    expect(state.listed).toEqual([]);
    expect(state.status).toBe(403);
    expect(state.error).toMatch(/^guest sign-in is disabled outside development: /);
    expect(state.error).toContain('auth.providers.guest.dangerouslyAllowOutsideDevelopment');
  });

  it.each([
    ['NODE_ENV unset', {}, {}],
    ['NODE_ENV=test', { NODE_ENV: 'test' }, { environment: 'test' }],
    ['NODE_ENV=development', { NODE_ENV: 'development' }, { environment: 'development' }],
  ])('allows guest sign-in under %s', async (_, env, auth) => {
    const state = await guestState(env, { ...auth, providers: { guest: {} } });
    expect(state).toMatchObject({ listed: ['guest'], status: 200 });
  });

  it('allows guest sign-in outside development only with dangerouslyAllowOutsideDevelopment', async () => {
    const state = await guestState(
      { NODE_ENV: 'production' },
      { environment: 'production', providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
    );
    expect(state).toMatchObject({ listed: ['guest'], status: 200 });
  });
});
