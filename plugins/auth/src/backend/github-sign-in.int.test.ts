import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import catalogPlugin from '@atrium/catalog/backend';
import { createRedirectClient, type SignInSetup, startSignInSetup, xhr } from '@atrium/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authPlugin } from './plugin.js';

/**
 * A loopback server that speaks GitHub Enterprise's OAuth endpoints the way GitHub does:
 * authorize redirects back with a code, the token endpoint checks the client, the code and
 * the PKCE verifier (and reports errors in a 200 body), the API is under /api/v3.
 */
async function startFakeGithub(clientId: string, clientSecret: string) {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const tokens = new Set<string>();
  let login = 'ada';
  const body = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return new URLSearchParams(text);
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://github');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    if (url.pathname === '/login/oauth/authorize') {
      const code = randomBytes(8).toString('hex');
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
      const form = await body(req);
      const issued = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
        return json(200, { error: 'incorrect_client_credentials' });
      if (!issued || issued.challenge !== verifier || issued.redirectUri !== form.get('redirect_uri'))
        return json(200, {
          error: 'bad_verification_code',
          error_description: 'The code passed is incorrect or expired.',
        });
      const token = randomBytes(12).toString('hex');
      tokens.add(token);
      return json(200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
    }
    if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, '')))
      return json(401, { message: 'Bad credentials' });
    if (url.pathname === '/api/v3/user')
      return json(200, { id: 42, login, name: null, email: null, avatar_url: 'https://avatars.example/42' });
    if (url.pathname === '/api/v3/user/emails')
      return json(200, [
        { email: 'old@example.com', primary: false, verified: true },
        { email: `${login}@example.com`, primary: true, verified: true },
      ]);
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    signInAs: (name: string) => {
      login = name;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('GitHub sign-in against a loopback GitHub Enterprise', () => {
  let github: Awaited<ReturnType<typeof startFakeGithub>>;
  let setup: SignInSetup;
  beforeAll(async () => {
    github = await startFakeGithub('gh-client', 'gh-secret');
    setup = await startSignInSetup({
      features: [authPlugin, catalogPlugin],
      auth: {
        providers: {
          github: {
            development: {
              clientId: 'gh-client',
              clientSecret: 'gh-secret',
              enterpriseInstanceUrl: github.url,
            },
          },
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await setup?.stop();
    await github?.stop();
  });

  const signIn = async (login: string) => {
    github.signInAs(login);
    const client = createRedirectClient();
    const hops = await client.follow(`${setup.appUrl}/api/auth/github/start?flow=redirect`);
    return { client, landed: new URL(hops[hops.length - 1]?.url ?? '') };
  };

  it('offers GitHub and signs the login in as the User of that name, with the primary address', async () => {
    const listed = (await (await fetch(`${setup.appUrl}/api/auth/providers`)).json()) as {
      providers: unknown[];
    };
    expect(listed.providers).toEqual(
      expect.arrayContaining([{ id: 'github', title: 'GitHub', flow: 'redirect' }]),
    );
    const { client, landed } = await signIn('ada');
    expect(landed.searchParams.get('signedIn')).toBe('github');
    const refreshed = await client.fetch(`${setup.appUrl}/api/auth/github/refresh`, { headers: xhr });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { profile: unknown; backstageIdentity: { token: string } };
    expect(decodeJwt(body.backstageIdentity.token).sub).toBe('user:default/ada');
    expect(body.profile).toEqual({
      displayName: 'ada',
      email: 'ada@example.com',
      picture: 'https://avatars.example/42',
    });
  });

  it('binds the refresh session to its provider', async () => {
    const { client } = await signIn('ada');
    const secret = client.cookie('atrium-github-refresh')?.value ?? '';
    const asOidc = await fetch(`${setup.appUrl}/api/auth/oidc/refresh`, {
      headers: { ...xhr, cookie: `atrium-oidc-refresh=${secret}` },
    });
    expect(asOidc.status).toBe(401);
  });

  it('refuses a login with no User of that name, naming the login', async () => {
    const { landed } = await signIn('octocat');
    expect(landed.searchParams.get('signInError')).toBe(
      "sign-in refused: no User in the catalog matches you. usernameMatchingUserEntityName found no User with name 'octocat'",
    );
  });
});
