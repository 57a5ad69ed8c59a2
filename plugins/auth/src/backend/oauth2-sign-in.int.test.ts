import catalogPlugin from '@atrium/catalog/backend';
import {
  createRedirectClient,
  type SignInSetup,
  startSignInSetup,
  type TestOidcAccount,
  testPeople,
  xhr,
} from '@atrium/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authPlugin } from './plugin.js';

// The authorization server is oidc-provider on loopback, spoken to only through its plain
// OAuth 2.0 endpoints (authorize, token, userinfo): no discovery, no ID token checks.
const features = [authPlugin, catalogPlugin];

async function signIn(setup: SignInSetup, account: TestOidcAccount) {
  setup.idp.signInAs(account);
  const client = createRedirectClient();
  const hops = await client.follow(`${setup.appUrl}/api/auth/oauth2/start?flow=redirect`, {
    stopAt: (next) => next.origin === setup.appUrl && !next.pathname.startsWith('/api/'),
  });
  const last = hops[hops.length - 1];
  return { client, landed: new URL(last?.location ?? '', last?.url) };
}

const refresh = (setup: SignInSetup, client: ReturnType<typeof createRedirectClient>) =>
  client.fetch(`${setup.appUrl}/api/auth/oauth2/refresh`, { headers: xhr });

describe('generic OAuth2 sign-in, profile from the userinfo endpoint', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    setup = await startSignInSetup({ features, oauth2: { title: 'Acme OAuth' } });
  }, 60_000);
  afterAll(() => setup?.stop());

  it('is offered, and signs Ada in as her catalog User with her groups; refresh rotates the cookie', async () => {
    const listed = (await (await fetch(`${setup.appUrl}/api/auth/providers`)).json()) as {
      providers: unknown[];
    };
    expect(listed.providers).toContainEqual({ id: 'oauth2', title: 'Acme OAuth', flow: 'redirect' });
    const { client, landed } = await signIn(setup, testPeople.ada);
    expect(landed.searchParams.get('signedIn')).toBe('oauth2');
    const first = client.cookie('atrium-oauth2-refresh')?.value;
    const refreshed = await refresh(setup, client);
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { profile: unknown; backstageIdentity: { token: string } };
    const claims = decodeJwt(body.backstageIdentity.token);
    expect(claims.sub).toBe('user:default/ada');
    expect(claims.ent).toEqual(
      expect.arrayContaining(['user:default/ada', 'group:default/team-a', 'group:default/org']),
    );
    expect(body.profile).toMatchObject({ email: 'ada@example.com', displayName: 'Ada Lovelace' });
    expect(client.cookie('atrium-oauth2-refresh')?.value).not.toBe(first);
  });

  it('refuses someone with no User in the catalog, saying why', async () => {
    const { landed, client } = await signIn(setup, testPeople.stranger);
    expect(landed.searchParams.get('signInError')).toContain(
      "emailMatchingUserEntityProfileEmail found no User with spec.profile.email 'nobody@example.com'",
    );
    expect(client.cookie('atrium-oauth2-refresh')).toBeUndefined();
  });
});

describe('generic OAuth2 sign-in without a userinfo endpoint', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    setup = await startSignInSetup({ features, oauth2: { userInfoUrl: null } });
  }, 60_000);
  afterAll(() => setup?.stop());

  // oidc-provider puts only `sub` in the ID token (the rest is the userinfo endpoint's), so
  // the profile has a subject and no email: the resolver names the missing address, where
  // a provider without an id_token would have been refused for that.
  it("takes the profile from the token response's id_token", async () => {
    const { client, landed } = await signIn(setup, testPeople.ada);
    expect(landed.searchParams.get('signInError')).toContain(
      'emailMatchingUserEntityProfileEmail needs an email address from the identity provider, which sent none',
    );
    expect(client.cookie('atrium-oauth2-refresh')).toBeUndefined();
  });
});

describe('generic OAuth2 sign-in with a wrong client secret, sent in the body', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    // client_secret_post this time (the test server takes either method).
    setup = await startSignInSetup({
      features,
      oauth2: { includeBasicAuth: false, clientSecret: 'not-the-secret' },
    });
  }, 60_000);
  afterAll(() => setup?.stop());

  it('fails the sign-in with the authorization server’s reason, and starts no session', async () => {
    const { client, landed } = await signIn(setup, testPeople.ada);
    expect(landed.searchParams.get('signInError') ?? landed.href).toMatch(
      /the OAuth2 provider answered 40\d to the code exchange: invalid_client/,
    );
    expect(client.cookie('atrium-oauth2-refresh')).toBeUndefined();
  });
});
