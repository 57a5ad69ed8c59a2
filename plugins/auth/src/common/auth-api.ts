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

/** The auth plugin's HTTP API, mounted at `/api/auth`. */
export const authApi = defineHttpApi({
  title: 'Auth',
  routes: {
    listProviders: {
      method: 'GET',
      path: '/providers',
      access: 'public',
      summary: 'Sign-in providers the web app may offer',
      response: z.object({ providers: z.array(z.object({ id: z.string(), title: z.string() })) }),
    },
    refresh: {
      method: 'GET',
      path: '/:provider/refresh',
      access: 'public',
      summary:
        'Sign in (or refresh a session) with a provider; needs X-Requested-With: XMLHttpRequest. A refresh that sends the current token (Authorization: Bearer) continues its session',
      params: providerParams,
      response: signInResponseSchema,
    },
    logout: {
      method: 'POST',
      path: '/:provider/logout',
      access: 'public',
      summary: 'Sign out: ends the session of the user token sent as Authorization: Bearer, on every backend',
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
