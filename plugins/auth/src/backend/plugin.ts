import { AuthenticationError, InputError, NotAllowedError, NotFoundError } from '@atrium/errors';
import { coreServices, defineExtensionPoint, definePlugin } from '@atrium/kernel';
import { z } from 'zod';
import { authApi } from '../common/auth-api.js';
import type {
  AuthProvider,
  AuthProviderReply as FastifyReply,
  AuthProviderRequest as FastifyRequest,
  SignInIdentity,
} from './auth-provider.js';
import { createGuestProvider, guestProviderConfigSchema, guestSignInRefusal } from './guest-provider.js';
import { readOAuthProviders } from './oauth/configured-providers.js';
import {
  type ConfiguredOAuthProvider,
  endRefreshSession,
  finishSignIn,
  type OAuthFlowContext,
  refreshSignIn,
  startSignIn,
} from './oauth/oauth-flow.js';
import { createCatalogUsers } from './resolvers/catalog-users.js';
import { createFlowStore } from './store/flow-store.js';
import { authMigrations } from './store/migrations.js';
import { createRefreshSessions } from './store/refresh-sessions.js';

/** Sign-in providers beyond the built-in ones (guest, OIDC, GitHub) are added here. */
export const authProvidersPoint = defineExtensionPoint<AuthProvider>({ id: 'auth.providers' });

const authConfigSchema = z
  .object({
    /** Backstage's key: anything but development or test counts as production. */
    environment: z.string().default('development'),
    session: z
      .object({
        expiresInSeconds: z.number().int().min(1).max(86_400).default(3600),
        /** How long a refresh cookie (a redirect provider's sign-in) lasts. */
        refreshExpiresInSeconds: z
          .number()
          .int()
          .min(60)
          .max(90 * 86_400)
          .default(7 * 86_400),
        /**
         * Each refresh replaces the refresh cookie; the replaced one still refreshes for this
         * long (tabs refreshing at once), after which showing it ends the session family.
         */
        refreshReuseGraceSeconds: z.number().min(0).max(300).default(10),
      })
      .prefault({}),
    providers: z.object({ guest: guestProviderConfigSchema.optional() }).loose().prefault({}),
  })
  .prefault({});

type AuthConfig = z.output<typeof authConfigSchema>;

/** Guest when configured and allowed, or why it is refused. */
function guestProvider(config: AuthConfig, nodeEnv: string): { provider?: AuthProvider; refusal?: string } {
  const guest = config.providers.guest;
  if (guest === undefined) return {};
  const refusal = guestSignInRefusal(guest, config.environment, nodeEnv);
  return refusal ? { refusal } : { provider: createGuestProvider(guest) };
}

const bearer = (header: string | string[] | undefined) => {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() || undefined : undefined;
};

/**
 * Like Backstage: a plain navigation or a cross-site form cannot trigger a sign-in, refresh
 * or sign-out; a browser's Origin, when sent, must be the app's.
 */
function checkSameSite(request: FastifyRequest, appOrigin: string): void {
  if (request.headers['x-requested-with'] !== 'XMLHttpRequest') {
    throw new InputError('sign-in requests must send the header X-Requested-With: XMLHttpRequest');
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== appOrigin) {
    throw new NotAllowedError(`origin '${origin}' may not use the sign-in session; only ${appOrigin} may`);
  }
}

/** The auth plugin: sign-in providers, user tokens and the JWKS at `/api/auth`. */
export const authPlugin = definePlugin({
  id: 'auth',
  description:
    'Sign-in providers (guest, OIDC, GitHub, generic OAuth2), sign-in resolvers, refresh sessions, user tokens and the JWKS',
  config: authConfigSchema,
  deps: {
    http: coreServices.httpRouter,
    tokens: coreServices.userTokens,
    logger: coreServices.logger,
    discovery: coreServices.discovery,
    instance: coreServices.instanceMetadata,
    database: coreServices.database,
    auth: coreServices.auth,
    auditor: coreServices.auditor,
    rootConfig: coreServices.rootConfig,
  },
  migrations: authMigrations,
  apis: [authApi],
  extensionPoints: { providers: authProvidersPoint },
  async init({ deps, config, extensions }) {
    const appBaseUrl =
      deps.rootConfig.getOptionalString('app.baseUrl') ?? (await deps.discovery.getExternalBaseUrl('app'));
    const appOrigin = new URL(appBaseUrl).origin;
    const providers = new Map<string, AuthProvider>();
    const guest = guestProvider(config, deps.instance.getEnvironment());
    if (guest.refusal) deps.logger.warn(guest.refusal);
    if (guest.provider) providers.set('guest', guest.provider);
    for (const provider of extensions.providers) providers.set(provider.id, provider);
    const oauth = new Map<string, ConfiguredOAuthProvider>(
      readOAuthProviders(
        config.providers,
        config.environment,
        await deps.discovery.getExternalBaseUrl('auth'),
      ).map((c) => [c.provider.id, c]),
    );
    const ctx: OAuthFlowContext = {
      flows: createFlowStore(deps.database),
      sessions: createRefreshSessions(deps.database),
      catalog: createCatalogUsers(deps),
      auditor: deps.auditor,
      logger: deps.logger,
      appBaseUrl,
      environment: config.environment,
      refreshSessionTtlMs: config.session.refreshExpiresInSeconds * 1000,
      refreshReuseGraceMs: config.session.refreshReuseGraceSeconds * 1000,
    };
    const configuredIds = () => [...providers.keys(), ...oauth.keys()];
    const notConfigured = (id: string) => {
      if (id === 'guest' && guest.refusal) return new NotAllowedError(guest.refusal);
      return new NotFoundError(
        `sign-in provider '${id}' is not configured; configured: ${configuredIds().join(', ') || 'none'}`,
      );
    };
    const redirectProvider = (id: string) => {
      const configured = oauth.get(id);
      if (configured) return configured;
      if (providers.has(id))
        throw new InputError(`sign-in provider '${id}' signs in without a redirect; call /${id}/refresh`);
      throw notConfigured(id);
    };
    deps.logger.info(`sign-in providers: ${configuredIds().join(', ') || 'none'}`);

    /** Who the provider says is signing in: a refresh cookie for redirect providers, the provider itself otherwise. */
    const identify = async (
      id: string,
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<SignInIdentity> => {
      const configured = oauth.get(id);
      if (configured) return refreshSignIn(ctx, configured, request, reply);
      const provider = providers.get(id);
      if (!provider) throw notConfigured(id);
      return provider.refresh(request, { logger: deps.logger, environment: config.environment });
    };
    const refresh = async ({
      params,
      request,
      reply,
    }: {
      params: { provider: string };
      request: FastifyRequest;
      reply: FastifyReply;
    }) => {
      checkSameSite(request, appOrigin);
      const identity = await identify(params.provider, request, reply);
      if (!identity.userEntityRef)
        throw new AuthenticationError(`provider '${params.provider}' did not resolve a user`);
      // A refresh that shows the current token continues its session, so one sign-out
      // ends every token the session was given.
      const { token } = await deps.tokens.issueUserToken({
        userEntityRef: identity.userEntityRef,
        ownershipEntityRefs: identity.ownershipEntityRefs,
        expiresInSeconds: config.session.expiresInSeconds,
        continueSession: bearer(request.headers.authorization),
      });
      return signInResponse(identity, token, config.session.expiresInSeconds);
    };

    deps.http.implement(authApi, {
      listProviders: () => ({
        providers: [
          ...[...providers.values()].map((p) => ({ id: p.id, title: p.title, flow: 'direct' as const })),
          ...[...oauth.values()].map(({ provider: p }) => ({
            id: p.id,
            title: p.title,
            flow: 'redirect' as const,
          })),
        ],
      }),
      start: ({ params, query, reply }) => startSignIn(ctx, redirectProvider(params.provider), query, reply),
      handlerFrame: ({ params, request, reply }) =>
        finishSignIn(ctx, redirectProvider(params.provider), request, reply),
      refresh,
      refreshPost: refresh,
      async logout({ params, request, reply }) {
        if (!oauth.has(params.provider) && !providers.has(params.provider) && params.provider !== 'guest') {
          throw notConfigured(params.provider);
        }
        checkSameSite(request, appOrigin);
        const event = await deps.auditor.createEvent({
          eventId: 'signout',
          request,
          meta: { provider: params.provider },
        });
        // Sign-out revokes the session of the token shown and the refresh session of the
        // cookie, on every backend sharing the database.
        try {
          const token = bearer(request.headers.authorization);
          if (token) await deps.tokens.revokeSession(token);
          if (oauth.has(params.provider)) await endRefreshSession(ctx, params.provider, request, reply);
          await event.success();
        } catch (error) {
          await event.fail({ error });
          throw error;
        }
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

/** The refresh response in Backstage's shape. */
function signInResponse(identity: SignInIdentity, token: string, expiresInSeconds: number) {
  return {
    profile: identity.profile,
    providerInfo: {},
    backstageIdentity: {
      token,
      expiresInSeconds,
      identity: {
        type: 'user' as const,
        userEntityRef: identity.userEntityRef,
        ownershipEntityRefs: identity.ownershipEntityRefs,
      },
    },
  };
}
