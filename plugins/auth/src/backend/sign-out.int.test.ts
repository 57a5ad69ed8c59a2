import { defineHttpApi } from '@atrium/http-api';
import { coreServices, definePlugin } from '@atrium/kernel';
import { createTestDatabase, startTestBackend, type TestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { authPlugin } from './plugin.js';

// A protected route to present tokens to.
const whoamiApi = defineHttpApi({ routes: { whoami: { method: 'GET', path: '/whoami' } } });
const whoamiPlugin = definePlugin({
  id: 'whoami',
  deps: { http: coreServices.httpRouter },
  apis: [whoamiApi],
  init({ deps }) {
    deps.http.implement(whoamiApi, { whoami: ({ credentials }) => credentials.principal });
  },
});

const xhr = { 'x-requested-with': 'XMLHttpRequest' };
const config = { auth: { providers: { guest: {} } } };

async function signIn(backend: TestBackend, token?: string): Promise<string> {
  const response = await backend.fetch('/api/auth/guest/refresh', { headers: xhr, token });
  expect(response.status).toBe(200);
  return ((await response.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
}
const whoami = async (backend: TestBackend, token: string) =>
  (await backend.fetch('/api/whoami/whoami', { token })).status;
const signOut = async (backend: TestBackend, token?: string) =>
  (await backend.fetch('/api/auth/guest/logout', { method: 'POST', headers: xhr, token })).status;
const sid = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid?: string }).sid;

describe('sign-out', () => {
  it('refuses a token at once after its session was signed out, on the same backend', async () => {
    const backend = await startTestBackend({ features: [authPlugin, whoamiPlugin], config });
    try {
      const token = await signIn(backend);
      const other = await signIn(backend);
      expect(await whoami(backend, token)).toBe(200);
      expect(await signOut(backend, token)).toBe(204);
      const refused = await backend.fetch('/api/whoami/whoami', { token });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /session of this token has ended/,
      );
      // Another sign-in is another session; signing out again is harmless.
      expect(await whoami(backend, other)).toBe(200);
      expect(await signOut(backend, token)).toBe(204);
      expect(await signOut(backend)).toBe(204);
      expect(await signOut(backend, 'not-a-token')).toBe(401);
    } finally {
      await backend.stop();
    }
  });

  it('ends every token of a session that refreshes continued', async () => {
    const backend = await startTestBackend({ features: [authPlugin, whoamiPlugin], config });
    try {
      const first = await signIn(backend);
      const refreshed = await signIn(backend, first);
      expect(sid(refreshed)).toBe(sid(first));
      // A token of another session does not continue it.
      expect(sid(await signIn(backend, await backend.userToken('user:default/someone-else')))).not.toBe(
        sid(first),
      );
      expect(await signOut(backend, refreshed)).toBe(204);
      expect(await whoami(backend, first)).toBe(401);
      expect(await whoami(backend, refreshed)).toBe(401);
      // A refresh with a signed-out token starts a new session instead of reviving it.
      const next = await signIn(backend, first);
      expect(sid(next)).not.toBe(sid(first));
      expect(await whoami(backend, next)).toBe(200);
    } finally {
      await backend.stop();
    }
  });

  it('refuses the token on a second backend sharing the PostgreSQL database within seconds', async () => {
    const database = await createTestDatabase('postgres');
    const start = () =>
      startTestBackend({
        features: [authPlugin, whoamiPlugin],
        config: { ...config, backend: { database: database.config } },
      });
    const [a, b] = [await start(), await start()];
    try {
      const token = await signIn(a);
      expect(await whoami(b, token)).toBe(200);
      expect(await signOut(a, token)).toBe(204);
      expect(await whoami(a, token)).toBe(401);
      const deadline = Date.now() + 15_000;
      let status = await whoami(b, token);
      while (status === 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = await whoami(b, token);
      }
      expect(status).toBe(401);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await database.cleanup();
    }
  });
});
