import { AuthenticationError, InputError, NotAllowedError, NotFoundError } from '@atrium/errors';
import { coreServices, defineExtensionPoint, definePlugin } from '@atrium/kernel';
import { z } from 'zod';
import { authApi } from '../common/auth-api.js';
import type { AuthProvider } from './auth-provider.js';
import { createGuestProvider, guestProviderConfigSchema, guestSignInRefusal } from './guest-provider.js';

/** Sign-in providers beyond the built-in guest provider (OIDC and others) are added here. */
export const authProvidersPoint = defineExtensionPoint<AuthProvider>({ id: 'auth.providers' });

const authConfigSchema = z
  .object({
    /** Backstage's key: anything but development or test counts as production. */
    environment: z.string().default('development'),
    session: z.object({ expiresInSeconds: z.number().int().min(60).max(86_400).default(3600) }).prefault({}),
    providers: z.object({ guest: guestProviderConfigSchema.optional() }).loose().prefault({}),
  })
  .prefault({});

/** The auth plugin: sign-in providers, user tokens and the JWKS at `/api/auth`. */
export const authPlugin = definePlugin({
  id: 'auth',
  description: 'Sign-in providers, user tokens and the JWKS',
  config: authConfigSchema,
  deps: {
    http: coreServices.httpRouter,
    tokens: coreServices.userTokens,
    logger: coreServices.logger,
    discovery: coreServices.discovery,
    instance: coreServices.instanceMetadata,
  },
  apis: [authApi],
  extensionPoints: { providers: authProvidersPoint },
  init({ deps, config, extensions }) {
    const providers = new Map<string, AuthProvider>();
    // Refused providers are not offered; their routes say why instead of "not configured".
    const refused = new Map<string, string>();
    const guest = config.providers.guest;
    if (guest !== undefined) {
      const refusal = guestSignInRefusal(guest, config.environment, deps.instance.getEnvironment());
      if (refusal) {
        refused.set('guest', refusal);
        deps.logger.warn(refusal);
      } else {
        providers.set('guest', createGuestProvider(guest));
      }
    }
    for (const provider of extensions.providers) providers.set(provider.id, provider);
    const providerFor = (id: string) => {
      const provider = providers.get(id);
      const refusal = refused.get(id);
      if (!provider && refusal) throw new NotAllowedError(refusal);
      if (!provider)
        throw new NotFoundError(
          `sign-in provider '${id}' is not configured; configured: ${[...providers.keys()].join(', ') || 'none'}`,
        );
      return provider;
    };
    deps.logger.info(`sign-in providers: ${[...providers.keys()].join(', ') || 'none'}`);
    const bearer = (header: string | string[] | undefined) => {
      const value = Array.isArray(header) ? header[0] : header;
      return value?.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() || undefined : undefined;
    };

    deps.http.implement(authApi, {
      listProviders: () => ({
        providers: [...providers.values()].map((p) => ({ id: p.id, title: p.title })),
      }),
      async refresh({ params, request }) {
        // Like Backstage: a plain navigation or a cross-site form cannot trigger a sign-in.
        if (request.headers['x-requested-with'] !== 'XMLHttpRequest') {
          throw new InputError('sign-in requests must send the header X-Requested-With: XMLHttpRequest');
        }
        const provider = providerFor(params.provider);
        const identity = await provider.refresh(request, {
          logger: deps.logger,
          environment: config.environment,
        });
        if (!identity.userEntityRef)
          throw new AuthenticationError(`provider '${provider.id}' did not resolve a user`);
        // A refresh that shows the current token continues its session, so one sign-out
        // ends every token the session was given.
        const { token } = await deps.tokens.issueUserToken({
          userEntityRef: identity.userEntityRef,
          ownershipEntityRefs: identity.ownershipEntityRefs,
          expiresInSeconds: config.session.expiresInSeconds,
          continueSession: bearer(request.headers.authorization),
        });
        return {
          profile: identity.profile,
          providerInfo: {},
          backstageIdentity: {
            token,
            expiresInSeconds: config.session.expiresInSeconds,
            identity: {
              type: 'user' as const,
              userEntityRef: identity.userEntityRef,
              ownershipEntityRefs: identity.ownershipEntityRefs,
            },
          },
        };
      },
      async logout({ params, request }) {
        if (!providers.has(params.provider) && !refused.has(params.provider)) providerFor(params.provider);
        // Sign-out revokes the session of the token shown, on every backend sharing the
        // database; without a token there is nothing on the server to end.
        const token = bearer(request.headers.authorization);
        if (token) await deps.tokens.revokeSession(token);
        return undefined;
      },
      jwks: () => deps.tokens.getJwks() as Promise<{ keys: Array<Record<string, unknown>> }>,
      async openidConfiguration() {
        const base = await deps.discovery.getExternalBaseUrl('auth');
        return {
          issuer: base,
          jwks_uri: `${base}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['ES256'],
        };
      },
    });
  },
});
