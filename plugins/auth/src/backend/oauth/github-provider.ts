import { createHash } from 'node:crypto';
import { AuthenticationError } from '@atrium/errors';
import { z } from 'zod';
import type { OAuthProvider, ProviderProfile } from '../auth-provider.js';

/** `auth.providers.github.<environment>`, Backstage's keys. */
export const githubProviderConfigSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  callbackUrl: z.url().optional(),
  /** GitHub Enterprise Server, e.g. https://ghe.example.com; its API is under /api/v3. */
  enterpriseInstanceUrl: z.url().optional(),
  scope: z.string().default('read:user user:email'),
  title: z.string().default('GitHub'),
});

interface GithubUser {
  id?: number;
  login?: string;
  name?: string | null;
  email?: string | null;
  avatar_url?: string;
}

const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

async function readJson<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) {
    throw new AuthenticationError(`GitHub answered ${response.status} to ${what}`);
  }
  return (await response.json()) as T;
}

/** The primary verified address from `/user/emails`, else the public one from `/user`. */
async function primaryEmail(
  apiUrl: string,
  headers: HeadersInit,
  user: GithubUser,
): Promise<string | undefined> {
  const response = await fetch(`${apiUrl}/user/emails`, { headers });
  // Without the user:email scope the list is refused; the public address still counts.
  if (!response.ok) return user.email ?? undefined;
  const emails = (await response.json()) as Array<{ email?: string; primary?: boolean; verified?: boolean }>;
  const primary = Array.isArray(emails) ? emails.find((e) => e.primary && e.verified) : undefined;
  return primary?.email ?? user.email ?? undefined;
}

/** Trades the code for an access token; GitHub reports errors in a 200 body. */
async function exchangeCode(
  baseUrl: string,
  config: z.output<typeof githubProviderConfigSchema>,
  code: string,
  input: { redirectUri: string; codeVerifier: string },
): Promise<string> {
  const body = new URLSearchParams({
    client_id: config.clientId,
    client_secret: config.clientSecret,
    code,
    redirect_uri: input.redirectUri,
    code_verifier: input.codeVerifier,
  });
  const token = await readJson<{ access_token?: string; error?: string; error_description?: string }>(
    await fetch(`${baseUrl}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
    'the code exchange',
  );
  if (!token.access_token) {
    throw new AuthenticationError(
      `GitHub refused the authorization code: ${token.error ?? 'no access token'}${token.error_description ? ` (${token.error_description})` : ''}`,
    );
  }
  return token.access_token;
}

/**
 * GitHub (and GitHub Enterprise) OAuth apps: authorization code with state and PKCE; the
 * profile is `GET /user` plus the primary address from `GET /user/emails`.
 *
 * @example
 * const github = createGithubProvider('github', { clientId, clientSecret, scope: 'read:user user:email', title: 'GitHub' });
 */
export function createGithubProvider(
  id: string,
  config: z.output<typeof githubProviderConfigSchema>,
): OAuthProvider {
  const baseUrl = (config.enterpriseInstanceUrl ?? 'https://github.com').replace(/\/+$/, '');
  const apiUrl = config.enterpriseInstanceUrl ? `${baseUrl}/api/v3` : 'https://api.github.com';
  return {
    id,
    title: config.title,
    async authorizationUrl({ redirectUri, state, codeVerifier }) {
      const url = new URL(`${baseUrl}/login/oauth/authorize`);
      url.search = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        scope: config.scope,
        state,
        code_challenge: pkceChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }).toString();
      return url;
    },
    async handleCallback(callbackUrl, input): Promise<ProviderProfile> {
      const params = callbackUrl.searchParams;
      const error = params.get('error');
      if (error) throw new AuthenticationError(`GitHub refused the sign-in: ${error}`);
      if (params.get('state') !== input.state) {
        throw new AuthenticationError('the state parameter does not match this sign-in');
      }
      const code = params.get('code');
      if (!code) throw new AuthenticationError('GitHub sent no authorization code');
      const accessToken = await exchangeCode(baseUrl, config, code, input);
      const headers = { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.github+json' };
      const user = await readJson<GithubUser>(await fetch(`${apiUrl}/user`, { headers }), 'GET /user');
      if (user.id === undefined || !user.login)
        throw new AuthenticationError('GitHub sent a user without id or login');
      return {
        subject: String(user.id),
        username: user.login,
        email: await primaryEmail(apiUrl, headers, user),
        displayName: user.name ?? user.login,
        picture: user.avatar_url,
      };
    },
  };
}
