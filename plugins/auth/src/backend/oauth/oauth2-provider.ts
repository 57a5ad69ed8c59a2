import { createHash } from 'node:crypto';
import { AuthenticationError } from '@atrium/errors';
import { z } from 'zod';
import type { OAuthProvider, ProviderProfile } from '../auth-provider.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

// Secrets and codes travel to these URLs: https only, plain http on loopback (tests, local IdPs).
const endpoint = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}, 'must use https (plain http is allowed only on loopback)');

/** `auth.providers.oauth2.<environment>`, Backstage's keys for its generic OAuth 2.0 provider. */
export const oauth2ProviderConfigSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  authorizationUrl: endpoint,
  tokenUrl: endpoint,
  /** Where the profile comes from (a JSON object); without it, the token response's `id_token` claims. */
  userInfoUrl: endpoint.optional(),
  callbackUrl: z.url().optional(),
  scope: z.string().default(''),
  /** Send the client credentials as HTTP Basic auth (client_secret_basic) instead of in the body. */
  includeBasicAuth: z.boolean().default(false),
  title: z.string().default('OAuth 2.0'),
});

type OAuth2Config = z.output<typeof oauth2ProviderConfigSchema>;
type Json = Record<string, unknown>;

const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** The profile from the common claim names (OIDC's, then GitHub-like ones). */
export function oauth2Profile(claims: Json): ProviderProfile {
  const subject = text(claims.sub) ?? text(claims.id);
  if (!subject) throw new AuthenticationError("the OAuth2 provider's profile has no 'sub' or 'id'");
  return {
    subject,
    email: text(claims.email),
    username: text(claims.preferred_username) ?? text(claims.username) ?? text(claims.login),
    displayName: text(claims.name) ?? text(claims.login),
    picture: text(claims.picture) ?? text(claims.avatar_url),
  };
}

async function readJson(response: Response, what: string): Promise<Json> {
  const body = (await response.json().catch(() => undefined)) as Json | undefined;
  if (!response.ok || typeof body !== 'object' || body === null) {
    const reason = text(body?.error)
      ? `: ${body?.error}${text(body?.error_description) ? ` (${body?.error_description})` : ''}`
      : '';
    throw new AuthenticationError(`the OAuth2 provider answered ${response.status} to ${what}${reason}`);
  }
  return body;
}

async function exchangeCode(
  config: OAuth2Config,
  code: string,
  input: { redirectUri: string; codeVerifier: string },
) {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: input.redirectUri,
    code_verifier: input.codeVerifier,
  });
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (config.includeBasicAuth) {
    const encode = (value: string) => encodeURIComponent(value);
    headers.authorization = `Basic ${Buffer.from(`${encode(config.clientId)}:${encode(config.clientSecret)}`).toString('base64')}`;
  } else {
    body.set('client_id', config.clientId);
    body.set('client_secret', config.clientSecret);
  }
  const token = await readJson(
    await fetch(config.tokenUrl, { method: 'POST', headers, body }),
    'the code exchange',
  );
  if (!text(token.access_token)) throw new AuthenticationError('the OAuth2 provider sent no access token');
  return token;
}

// Read straight from the token endpoint over TLS (OIDC Core 3.1.3.7 lets TLS stand in for
// the signature there), but still only for this client and not expired.
function idTokenClaims(idToken: unknown, clientId: string): Json {
  const payload = typeof idToken === 'string' ? idToken.split('.')[1] : undefined;
  if (!payload)
    throw new AuthenticationError(
      'the OAuth2 provider sent no id_token; configure userInfoUrl for the profile',
    );
  let claims: Json;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
  } catch {
    throw new AuthenticationError('the OAuth2 provider sent an id_token that is not a JWT');
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(clientId))
    throw new AuthenticationError('the id_token was issued for another client');
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now())
    throw new AuthenticationError('the id_token has expired');
  return claims;
}

/**
 * A generic OAuth 2.0 authorization server: authorization code with state and PKCE (S256),
 * the code exchanged at `tokenUrl`, the profile from `userInfoUrl` (bearer access token)
 * or the token response's `id_token`.
 *
 * @example
 * const provider = createOAuth2Provider('oauth2', oauth2ProviderConfigSchema.parse(block));
 */
export function createOAuth2Provider(id: string, config: OAuth2Config): OAuthProvider {
  return {
    id,
    title: config.title,
    async authorizationUrl({ redirectUri, state, codeVerifier }) {
      const url = new URL(config.authorizationUrl);
      const params = {
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: redirectUri,
        state,
        code_challenge: pkceChallenge(codeVerifier),
        code_challenge_method: 'S256',
        ...(config.scope ? { scope: config.scope } : {}),
      };
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      return url;
    },
    async handleCallback(callbackUrl, input): Promise<ProviderProfile> {
      const params = callbackUrl.searchParams;
      const error = params.get('error');
      if (error) throw new AuthenticationError(`the OAuth2 provider refused the sign-in: ${error}`);
      if (params.get('state') !== input.state)
        throw new AuthenticationError('the state parameter does not match this sign-in');
      const code = params.get('code');
      if (!code) throw new AuthenticationError('the OAuth2 provider sent no authorization code');
      const token = await exchangeCode(config, code, input);
      if (!config.userInfoUrl) return oauth2Profile(idTokenClaims(token.id_token, config.clientId));
      const headers = { authorization: `Bearer ${token.access_token}`, accept: 'application/json' };
      return oauth2Profile(
        await readJson(await fetch(config.userInfoUrl, { headers }), 'the userinfo request'),
      );
    },
  };
}
