import catalogPlugin from '@atrium/catalog/backend';
import { createRedirectClient, type SignInSetup, startSignInSetup, testPeople } from '@atrium/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authPlugin } from './plugin.js';

const features = [authPlugin, catalogPlugin];

async function tokenOf(response: Response) {
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    profile: { email?: string; displayName?: string };
    backstageIdentity: { token: string; identity: { userEntityRef: string; ownershipEntityRefs: string[] } };
  };
  return { body, claims: decodeJwt(body.backstageIdentity.token) };
}

async function refusal(setup: SignInSetup, account: (typeof testPeople)[keyof typeof testPeople]) {
  const { landed } = await setup.signIn(account);
  return landed.searchParams.get('signInError');
}

describe('OIDC sign-in against a real OpenID provider', () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    setup = await startSignInSetup({ features });
  }, 60_000);
  afterAll(() => setup?.stop());

  it('signs Ada in as her catalog User, with her team and its parent group', async () => {
    const { client, landed } = await setup.signIn(testPeople.ada);
    expect(landed.origin).toBe(setup.appUrl);
    expect(landed.searchParams.get('signedIn')).toBe('oidc');
    const { body, claims } = await tokenOf(await setup.refresh(client));
    expect(body.backstageIdentity.identity.userEntityRef).toBe('user:default/ada');
    expect(claims.sub).toBe('user:default/ada');
    expect([...(claims.ent as string[])].sort()).toEqual([
      'group:default/org',
      'group:default/team-a',
      'user:default/ada',
    ]);
    expect(body.profile).toMatchObject({ email: 'ada@example.com', displayName: 'Ada Lovelace' });
    // The token works on the catalog like any user token.
    const me = await setup.backends[0]?.fetch('/api/catalog/entities/by-name/user/default/ada', {
      token: body.backstageIdentity.token,
    });
    expect(me?.status).toBe(200);
  });

  it('sets the refresh cookie HttpOnly, SameSite=Lax, scoped to the provider, not Secure on a plain-http app', async () => {
    const { client } = await setup.signIn(testPeople.ada);
    const line = client.setCookies.find((c) => c.startsWith('atrium-oidc-refresh='));
    expect(line).toBeDefined();
    const attributes = (line ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/api/auth/oidc']));
    expect(attributes).not.toContain('secure');
    // The flow cookie is cleared by the callback, so the state cannot be used twice from here.
    expect(client.cookie('atrium-oidc-flow')).toBeUndefined();
  });

  it('refuses a person with no matching User, saying which resolver found nothing for which email', async () => {
    expect(await refusal(setup, testPeople.stranger)).toBe(
      "sign-in refused: no User in the catalog matches you. emailMatchingUserEntityProfileEmail found no User with spec.profile.email 'nobody@example.com'",
    );
  });

  it('answers the popup flow with a page that posts the result to the app origin only', async () => {
    setup.idp.signInAs(testPeople.ada);
    const client = createRedirectClient();
    const start = `${setup.appUrl}/api/auth/oidc/start?flow=popup&origin=${encodeURIComponent(setup.appUrl)}`;
    const hops = await client.follow(start, { stopAt: (next) => next.pathname.endsWith('/handler/frame') });
    const callback = new URL(hops[hops.length - 1]?.location ?? '', setup.idp.issuer);
    const page = await client.get(callback.href);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/,
    );
    const html = await page.text();
    expect(html).toContain('window.opener.postMessage(d.message,d.origin)');
    expect(html).toContain(`"origin":"${setup.appUrl}"`);
    expect(html).toContain('"ok":true');
    expect(html).not.toContain(client.cookie('atrium-oidc-refresh')?.value ?? 'no cookie');
    // The callback cleared the flow cookie: loading it again is not tied to this browser any more.
    const again = await client.get(callback.href);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('state mismatch');
  });
});

describe('sign-in resolvers', () => {
  it('tries username, email local part within allowed domains, then an annotation, in order', async () => {
    const setup = await startSignInSetup({
      features,
      oidc: {
        signIn: {
          resolvers: [
            { resolver: 'usernameMatchingUserEntityName' },
            { resolver: 'emailLocalPartMatchingUserEntityName', allowedDomains: ['example.com'] },
            { resolver: 'emailMatchingUserEntityAnnotation', annotation: 'google.com/email' },
          ],
        },
      },
    });
    try {
      const ada = await setup.signIn(testPeople.ada);
      expect((await tokenOf(await setup.refresh(ada.client))).claims.sub).toBe('user:default/ada');
      // Grace: username 'ghopper' names nobody, corp.example is not allowed for the local
      // part, and the annotation matches her address in any case.
      const grace = await setup.signIn(testPeople.grace);
      const { claims } = await tokenOf(await setup.refresh(grace.client));
      expect(claims.sub).toBe('user:default/grace');
      expect(claims.ent).toEqual(['user:default/grace']);
      expect(await refusal(setup, testPeople.stranger)).toBe(
        "sign-in refused: no User in the catalog matches you. usernameMatchingUserEntityName needs a username from the identity provider, which sent none; emailLocalPartMatchingUserEntityName found no User with name 'nobody' (from 'nobody@example.com'); emailMatchingUserEntityAnnotation found no User with annotation google.com/email 'nobody@example.com'",
      );
    } finally {
      await setup.stop();
    }
  }, 60_000);

  it('signs in without a catalog User only with dangerouslyAllowSignInWithoutUserInCatalog', async () => {
    const setup = await startSignInSetup({
      features,
      oidc: {
        signIn: {
          resolvers: [
            {
              resolver: 'emailMatchingUserEntityProfileEmail',
              dangerouslyAllowSignInWithoutUserInCatalog: true,
            },
          ],
        },
      },
    });
    try {
      const { client } = await setup.signIn(testPeople.stranger);
      const { claims } = await tokenOf(await setup.refresh(client));
      expect(claims.sub).toBe('user:default/nobody');
      expect(claims.ent).toEqual(['user:default/nobody']);
    } finally {
      await setup.stop();
    }
  }, 60_000);
});
