import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';

/** The identity part of a sign-in response (Backstage's `backstageIdentity`). */
export const backstageIdentitySchema = z.object({
  token: z.string(),
  expiresInSeconds: z.number(),
  identity: z.object({
    type: z.literal('user'),
    userEntityRef: z.string(),
    ownershipEntityRefs: z.array(z.string()),
  }),
});

/** A sign-in (refresh) response, in Backstage's shape. */
export const signInResponseSchema = z.object({
  profile: z.object({
    displayName: z.string().optional(),
    email: z.string().optional(),
    picture: z.string().optional(),
  }),
  providerInfo: z.record(z.string(), z.unknown()),
  backstageIdentity: backstageIdentitySchema,
});

/** A sign-in response. */
export type SignInResponse = z.output<typeof signInResponseSchema>;

const providerParams = z.object({
  provider: z.string().regex(/^[a-z0-9-]+$/, 'must be a provider id such as guest'),
});

const startQuery = z.object({
  env: z.string().max(64).optional(),
  flow: z.enum(['popup', 'redirect']).optional(),
  origin: z.string().max(2048).optional(),
  redirectUrl: z.string().max(2048).optional(),
});

const refreshSummary =
  "Sign in (guest) or refresh a session; needs X-Requested-With: XMLHttpRequest and, when sent, an Origin equal to app.baseUrl's. Redirect providers read their refresh cookie and run the sign-in resolvers again. A refresh that sends the current token (Authorization: Bearer) continues its session";

/** The auth plugin's HTTP API, mounted at `/api/auth`. */
export const authApi = defineHttpApi({
  title: 'Auth',
  routes: {
    listProviders: {
      method: 'GET',
      path: '/providers',
      access: 'public',
      summary: 'Sign-in providers the web app may offer',
      response: z.object({
        providers: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            /** `redirect`: sign in through /start in a popup or redirect; `direct`: call /refresh. */
            flow: z.enum(['direct', 'redirect']),
          }),
        ),
      }),
    },
    start: {
      method: 'GET',
      path: '/:provider/start',
      access: 'public',
      summary:
        "Starts a redirect sign-in (OIDC, GitHub): remembers state, nonce and PKCE verifier and redirects to the identity provider. origin (popup) and redirectUrl (redirect) must be on app.baseUrl's origin",
      params: providerParams,
      query: startQuery,
      streaming: true,
    },
    handlerFrame: {
      method: 'GET',
      path: '/:provider/handler/frame',
      access: 'public',
      summary:
        "The identity provider's callback: checks state (and the browser's flow cookie), nonce and PKCE, resolves the catalog User and sets the refresh cookie; a popup gets a page that posts the result to the app's origin, a redirect goes back to the app",
      params: providerParams,
      query: z.record(z.string(), z.unknown()),
      streaming: true,
    },
    refresh: {
      method: 'GET',
      path: '/:provider/refresh',
      access: 'public',
      summary: refreshSummary,
      params: providerParams,
      response: signInResponseSchema,
    },
    refreshPost: {
      method: 'POST',
      path: '/:provider/refresh',
      access: 'public',
      summary: refreshSummary,
      params: providerParams,
      response: signInResponseSchema,
    },
    logout: {
      method: 'POST',
      path: '/:provider/logout',
      access: 'public',
      summary:
        "Sign out: ends the session of the user token sent as Authorization: Bearer and the provider's refresh session (cookie), on every backend",
      params: providerParams,
    },
    jwks: {
      method: 'GET',
      path: '/.well-known/jwks.json',
      access: 'public',
      summary: 'Public keys that verify user tokens',
      response: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }),
    },
    openidConfiguration: {
      method: 'GET',
      path: '/.well-known/openid-configuration',
      access: 'public',
      summary: 'Discovery document pointing at the JWKS',
    },
  },
});
