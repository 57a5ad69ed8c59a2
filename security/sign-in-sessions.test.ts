// Class 5: the sign-in flow and its refresh session. The attacker can start sign-ins, read
// and tamper with every URL of the flow, replay callbacks and codes, keep a copy of a
// refresh cookie, and make a victim's browser send cross-site requests. Every such attempt
// must end without a session; a real sign-out must end the session on every backend.
import authPlugin from '@atrium/auth/backend';
import catalogPlugin from '@atrium/catalog/backend';
import {
  createRedirectClient,
  createTestDatabase,
  type RedirectClient,
  type SignInSetup,
  startSignInSetup,
  testPeople,
  writeTestOrg,
  xhr,
} from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const features = [authPlugin, catalogPlugin];
const isAuthorizeUrl = (setup: SignInSetup) => (next: URL) =>
  next.origin === setup.idp.issuer && next.pathname === '/auth';
const isCallback = (next: URL) => next.pathname === '/api/auth/oidc/handler/frame';

/** Runs a redirect sign-in up to the callback URL without loading it. */
async function untilCallback(setup: SignInSetup, client: RedirectClient, tamper?: (authorize: URL) => void) {
  setup.idp.signInAs(testPeople.ada);
  const start = `${setup.appUrl}/api/auth/oidc/start?flow=redirect`;
  const toIdp = await client.follow(start, { stopAt: isAuthorizeUrl(setup) });
  const authorize = new URL(toIdp[toIdp.length - 1]?.location ?? '');
  tamper?.(authorize);
  const hops = await client.follow(authorize.href, { stopAt: isCallback });
  return new URL(hops[hops.length - 1]?.location ?? '', setup.idp.issuer);
}

/** Loads the callback; answers the status and, for a redirect back to the app, the reason it carries. */
async function loadCallback(client: RedirectClient, callback: URL) {
  const response = await client.get(callback.href);
  const location = response.headers.get('location');
  return {
    status: response.status,
    error: location ? new URL(location).searchParams.get('signInError') : await response.text(),
    session: client.cookie('atrium-oidc-refresh') !== undefined,
  };
}

describe('sign-in flow attacks', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    setup = await startSignInSetup({ features });
  }, 60_000);
  afterAll(() => setup?.stop());

  it('refuses a callback whose state was changed', async () => {
    const client = createRedirectClient();
    const callback = await untilCallback(setup, client);
    callback.searchParams.set('state', 'attacker-state');
    const result = await loadCallback(client, callback);
    expect(result).toMatchObject({ status: 400, session: false });
    expect(result.error).toContain('state mismatch');
  });

  it('refuses a callback opened in another browser (login CSRF: the victim lacks the flow cookie)', async () => {
    const callback = await untilCallback(setup, createRedirectClient());
    const result = await loadCallback(createRedirectClient(), callback);
    expect(result).toMatchObject({ status: 400, session: false });
  });

  it('refuses an ID token issued for another nonce', async () => {
    const client = createRedirectClient();
    const callback = await untilCallback(setup, client, (authorize) =>
      authorize.searchParams.set('nonce', 'attacker-nonce'),
    );
    const result = await loadCallback(client, callback);
    expect(result).toMatchObject({ status: 302, session: false });
    expect(result.error).toMatch(/nonce/);
  });

  it('refuses a PKCE challenge swapped for the attacker’s', async () => {
    const client = createRedirectClient();
    const callback = await untilCallback(setup, client, (authorize) =>
      authorize.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    );
    const result = await loadCallback(client, callback);
    expect(result).toMatchObject({ status: 302, session: false });
    expect(result.error).toMatch(/invalid_grant/);
  });

  it('refuses a replayed callback and a replayed code', async () => {
    const client = createRedirectClient();
    const callback = await untilCallback(setup, client);
    const state = client.cookie('atrium-oidc-flow')?.value ?? '';
    expect((await loadCallback(client, callback)).session).toBe(true);
    // The same callback again, even with the flow cookie put back: the state was used.
    const replay = createRedirectClient();
    const again = await replay.fetch(callback.href, { headers: { cookie: `atrium-oidc-flow=${state}` } });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used');
    // The code under a fresh sign-in of the attacker's own: the identity provider refuses it.
    const attacker = createRedirectClient();
    const fresh = await untilCallback(setup, attacker);
    fresh.searchParams.set('code', callback.searchParams.get('code') ?? '');
    const result = await loadCallback(attacker, fresh);
    expect(result).toMatchObject({ status: 302, session: false });
    expect(result.error).toMatch(/invalid_grant/);
  });

  it('refuses start links that would send the result to another origin', async () => {
    const evil = encodeURIComponent('https://evil.example');
    for (const query of [
      `flow=popup&origin=${evil}`,
      `flow=redirect&redirectUrl=${evil}`,
      'flow=redirect&redirectUrl=//evil.example/x',
    ]) {
      const response = await fetch(`${setup.appUrl}/api/auth/oidc/start?${query}`, { redirect: 'manual' });
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /app's origin/,
      );
    }
  });

  it('refuses cross-site refresh and sign-out requests', async () => {
    const { client } = await setup.signIn(testPeople.ada);
    const refreshUrl = `${setup.appUrl}/api/auth/oidc/refresh`;
    expect((await client.fetch(refreshUrl)).status).toBe(400);
    expect(
      (await client.fetch(refreshUrl, { headers: { ...xhr, origin: 'https://evil.example' } })).status,
    ).toBe(403);
    expect(
      (await client.fetch(refreshUrl, { method: 'POST', headers: { origin: 'https://evil.example' } }))
        .status,
    ).toBe(400);
    const logout = await client.fetch(`${setup.appUrl}/api/auth/oidc/logout`, {
      method: 'POST',
      headers: { ...xhr, origin: 'https://evil.example' },
    });
    expect(logout.status).toBe(403);
    // None of that touched the session.
    expect((await client.fetch(refreshUrl, { headers: { ...xhr, origin: setup.appUrl } })).status).toBe(200);
  });

  it('refuses a refresh cookie replayed after sign-out, and a made-up one', async () => {
    const { client } = await setup.signIn(testPeople.ada);
    const stolen = client.cookie('atrium-oidc-refresh')?.value ?? '';
    const refreshed = await setup.refresh(client);
    const token = ((await refreshed.json()) as { backstageIdentity: { token: string } }).backstageIdentity
      .token;
    const out = await client.fetch(`${setup.appUrl}/api/auth/oidc/logout`, {
      method: 'POST',
      headers: { ...xhr, authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    expect(client.cookie('atrium-oidc-refresh')).toBeUndefined();
    for (const cookie of [stolen, 'made-up-secret']) {
      const replay = await fetch(`${setup.appUrl}/api/auth/oidc/refresh`, {
        headers: { ...xhr, cookie: `atrium-oidc-refresh=${cookie}` },
      });
      expect(replay.status).toBe(401);
    }
    // The user token of the ended session is refused too.
    const me = await setup.backends[0]?.fetch('/api/catalog/entities?limit=1', { token });
    expect(me?.status).toBe(401);
  });
});

/** A refresh with exactly this cookie, as a thief with a copy of it would send it. */
const refreshWith = (setup: SignInSetup, cookie: string, url = setup.appUrl) =>
  fetch(`${url}/api/auth/oidc/refresh`, { headers: { ...xhr, cookie: `atrium-oidc-refresh=${cookie}` } });
const refreshCookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith('atrium-oidc-refresh=') && !/max-age=0\b/i.test(c))
    ?.split(';')[0]
    ?.split('=')[1];

describe('refresh cookie rotation', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    setup = await startSignInSetup({ features, auth: { session: { refreshReuseGraceSeconds: 1 } } });
  }, 60_000);
  afterAll(() => setup?.stop());

  it('replaces the cookie on every refresh; a replaced one replayed after the grace period ends the session', async () => {
    const { client } = await setup.signIn(testPeople.ada);
    const first = client.cookie('atrium-oidc-refresh')?.value ?? '';
    const refreshed = await setup.refresh(client);
    expect(refreshed.status).toBe(200);
    const second = client.cookie('atrium-oidc-refresh')?.value ?? '';
    expect(second).not.toBe('');
    expect(second).not.toBe(first);
    // A second tab that refreshed with the replaced cookie at the same moment still signs in, once more.
    const tab = await refreshWith(setup, first);
    expect(tab.status).toBe(200);
    expect(refreshCookieOf(tab)).toBeUndefined();
    expect((await setup.refresh(client)).status).toBe(200);
    const current = client.cookie('atrium-oidc-refresh')?.value ?? '';
    expect(current).not.toBe(second);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const replay = await refreshWith(setup, first);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toContain(
      'already used and replaced',
    );
    // The replay ended the whole family: the holder of the newest cookie must sign in again.
    expect((await refreshWith(setup, current)).status).toBe(401);
    // Another sign-in is a family of its own.
    const other = await setup.signIn(testPeople.ada);
    expect((await setup.refresh(other.client)).status).toBe(200);
  });
});

describe('a User removed from the catalog', () => {
  it('cannot refresh the session they started', async () => {
    const setup = await startSignInSetup({ features });
    try {
      const { client } = await setup.signIn(testPeople.ada);
      expect((await setup.refresh(client)).status).toBe(200);
      await writeTestOrg(setup.dir, ['ada']);
      const token = await setup.backends[0]?.serviceToken('catalog');
      // Refreshing Ada re-reads her location file, which no longer lists her.
      await setup.backends[0]?.fetch('/api/catalog/refresh', {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entityRef: 'user:default/ada' }),
      });
      for (
        let i = 0;
        (await setup.backends[0]?.fetch('/api/catalog/entities/by-name/user/default/ada', { token }))
          ?.status !== 404;
        i++
      ) {
        if (i > 300) throw new Error('the catalog kept Ada');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const refused = await setup.refresh(client);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
        "found no User with spec.profile.email 'ada@example.com'",
      );
    } finally {
      await setup.stop();
    }
  }, 60_000);
});

describe('two backends on one PostgreSQL database', () => {
  it('refresh a session started on the other, and refuse it everywhere after sign-out on one', async () => {
    const database = await createTestDatabase('postgres');
    const setup = await startSignInSetup({ features, count: 2, database: database.config });
    try {
      const [a, b] = setup.backends;
      const { client } = await setup.signIn(testPeople.ada, a);
      const onB = await setup.refresh(client, b);
      expect(onB.status).toBe(200);
      const token = ((await onB.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
      expect((await setup.refresh(client, a)).status).toBe(200);
      const out = await client.fetch(`${b?.url}/api/auth/oidc/logout`, {
        method: 'POST',
        headers: { ...xhr, authorization: `Bearer ${token}` },
      });
      expect(out.status).toBe(204);
      const stolen = `atrium-oidc-refresh=${
        client.setCookies
          .find((c) => c.startsWith('atrium-oidc-refresh=') && !c.includes('Max-Age=0'))
          ?.split(';')[0]
          ?.split('=')[1]
      }`;
      const replay = await fetch(`${a?.url}/api/auth/oidc/refresh`, { headers: { ...xhr, cookie: stolen } });
      expect(replay.status).toBe(401);
    } finally {
      await setup.stop();
      await database.cleanup();
    }
  }, 90_000);

  it('rotate on one backend; a replay of the replaced cookie on the other ends the session on both', async () => {
    const database = await createTestDatabase('postgres');
    const setup = await startSignInSetup({
      features,
      count: 2,
      database: database.config,
      auth: { session: { refreshReuseGraceSeconds: 0 } },
    });
    try {
      const [a, b] = setup.backends;
      const { client } = await setup.signIn(testPeople.ada, a);
      const first = client.cookie('atrium-oidc-refresh')?.value ?? '';
      expect((await setup.refresh(client, a)).status).toBe(200);
      const current = client.cookie('atrium-oidc-refresh')?.value ?? '';
      expect(current).not.toBe(first);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await refreshWith(setup, first, b?.url)).status).toBe(401);
      expect((await refreshWith(setup, current, a?.url)).status).toBe(401);
      expect((await refreshWith(setup, current, b?.url)).status).toBe(401);
    } finally {
      await setup.stop();
      await database.cleanup();
    }
  }, 90_000);
});
