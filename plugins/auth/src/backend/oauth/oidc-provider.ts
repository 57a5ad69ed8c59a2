import { AuthenticationError, InputError } from '@atrium/errors';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OAuthProvider, ProviderProfile } from '../auth-provider.js';

/** `auth.providers.oidc.<environment>`, Backstage's keys. */
export const oidcProviderConfigSchema = z.object({
  metadataUrl: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  callbackUrl: z.url().optional(),
  scope: z.string().default('openid profile email'),
  prompt: z.string().optional(),
  title: z.string().default('OpenID Connect'),
});

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain-http identity providers are refused except on loopback (tests, local development). */
function connectOptions(metadataUrl: URL): client.DiscoveryRequestOptions | undefined {
  if (metadataUrl.protocol === 'https:') return undefined;
  if (metadataUrl.protocol === 'http:' && loopbackHosts.has(metadataUrl.hostname)) {
    return { execute: [client.allowInsecureRequests] };
  }
  throw new InputError(
    `auth.providers.oidc metadataUrl '${metadataUrl.href}' must use https (plain http is allowed only on loopback)`,
  );
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The profile from the ID token claims, completed by the userinfo endpoint. */
function profileOf(claims: Record<string, unknown>): ProviderProfile {
  return {
    subject: String(claims.sub),
    email: text(claims.email),
    username: text(claims.preferred_username),
    displayName: text(claims.name),
    picture: text(claims.picture),
  };
}

/** Why the callback failed, for the person signing in (the library's messages name the check). */
function callbackError(error: unknown): AuthenticationError {
  if (error instanceof client.AuthorizationResponseError) {
    return new AuthenticationError(
      `the identity provider refused the sign-in: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`,
    );
  }
  if (error instanceof client.ResponseBodyError) {
    return new AuthenticationError(
      `the identity provider refused the authorization code: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`,
    );
  }
  // openid-client wraps the check that failed (nonce, issuer, audience...) as the cause.
  const causeMessage = (error as { cause?: { message?: unknown } }).cause?.message;
  const cause = typeof causeMessage === 'string' ? ` (${causeMessage})` : '';
  return new AuthenticationError(
    `the OpenID Connect callback failed its checks: ${(error as Error).message}${cause}`,
    {
      cause: error,
    },
  );
}

/** Discovery on first use, again after a failure, so a backend starts while the identity provider is down. */
function lazyDiscovery(
  config: z.output<typeof oidcProviderConfigSchema>,
): () => Promise<client.Configuration> {
  const metadataUrl = new URL(config.metadataUrl);
  const options = connectOptions(metadataUrl);
  let discovered: Promise<client.Configuration> | undefined;
  return () => {
    discovered ??= client
      .discovery(metadataUrl, config.clientId, config.clientSecret, undefined, options)
      .catch((error: unknown) => {
        discovered = undefined;
        throw new AuthenticationError(
          `the identity provider's metadata at ${metadataUrl.href} could not be read: ${(error as Error).message}`,
          { cause: error },
        );
      });
    return discovered;
  };
}

/**
 * The OIDC provider: authorization code flow with PKCE (S256), state and nonce, through
 * `openid-client`. Discovery runs on first use and again after a failure, so a backend
 * starts while the identity provider is down.
 *
 * @example
 * const oidc = createOidcProvider('oidc', { metadataUrl, clientId, clientSecret, scope: 'openid email', title: 'SSO' });
 */
export function createOidcProvider(
  id: string,
  config: z.output<typeof oidcProviderConfigSchema>,
): OAuthProvider {
  const configuration = lazyDiscovery(config);
  return {
    id,
    title: config.title,
    async authorizationUrl({ redirectUri, state, nonce, codeVerifier }) {
      const parameters: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: config.scope,
        response_type: 'code',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      };
      if (config.prompt) parameters.prompt = config.prompt;
      return client.buildAuthorizationUrl(await configuration(), parameters);
    },
    async handleCallback(callbackUrl, { state, nonce, codeVerifier, redirectUri }) {
      const server = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(
          server,
          callbackUrl,
          {
            pkceCodeVerifier: codeVerifier,
            expectedState: state,
            expectedNonce: nonce,
            idTokenExpected: true,
          },
          { redirect_uri: redirectUri },
        );
        const claims = tokens.claims() as Record<string, unknown> | undefined;
        if (!claims) throw new AuthenticationError('the identity provider sent no ID token');
        if (claims.email && claims.name) return profileOf(claims);
        const userinfo = server.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(server, tokens.access_token, String(claims.sub))
          : {};
        return profileOf({ ...userinfo, ...claims });
      } catch (error) {
        if (error instanceof AuthenticationError) throw error;
        throw callbackError(error);
      }
    },
  };
}
