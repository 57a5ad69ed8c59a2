import { InputError } from '@atrium/errors';
import type { z } from 'zod';
import { signInConfigSchema } from '../resolvers/sign-in-resolvers.js';
import { createGithubProvider, githubProviderConfigSchema } from './github-provider.js';
import type { ConfiguredOAuthProvider } from './oauth-flow.js';
import { createOAuth2Provider, oauth2ProviderConfigSchema } from './oauth2-provider.js';
import { createOidcProvider, oidcProviderConfigSchema } from './oidc-provider.js';

const withSignIn = <T extends z.ZodObject>(schema: T) =>
  schema.extend({ signIn: signInConfigSchema.optional() });

/** The redirect providers Atrium ships, by the id their config key uses. */
const builtIn = {
  oidc: {
    schema: withSignIn(oidcProviderConfigSchema),
    create: (config: z.output<typeof oidcProviderConfigSchema>) => createOidcProvider('oidc', config),
    defaultResolvers: [
      {
        resolver: 'emailMatchingUserEntityProfileEmail' as const,
        dangerouslyAllowSignInWithoutUserInCatalog: false,
      },
    ],
  },
  github: {
    schema: withSignIn(githubProviderConfigSchema),
    create: (config: z.output<typeof githubProviderConfigSchema>) => createGithubProvider('github', config),
    defaultResolvers: [
      {
        resolver: 'usernameMatchingUserEntityName' as const,
        dangerouslyAllowSignInWithoutUserInCatalog: false,
      },
    ],
  },
  oauth2: {
    schema: withSignIn(oauth2ProviderConfigSchema),
    create: (config: z.output<typeof oauth2ProviderConfigSchema>) => createOAuth2Provider('oauth2', config),
    defaultResolvers: [
      {
        resolver: 'emailMatchingUserEntityProfileEmail' as const,
        dangerouslyAllowSignInWithoutUserInCatalog: false,
      },
    ],
  },
};

/**
 * Reads `auth.providers.<id>.<environment>` for each built-in redirect provider; a
 * provider without a block for this environment is not offered. A malformed block fails
 * startup with the key and the reason.
 */
export function readOAuthProviders(
  providers: Record<string, unknown>,
  environment: string,
  authBaseUrl: string,
): ConfiguredOAuthProvider[] {
  const configured: ConfiguredOAuthProvider[] = [];
  for (const [id, definition] of Object.entries(builtIn)) {
    const block = (providers[id] as Record<string, unknown> | undefined)?.[environment];
    if (block === undefined) continue;
    const parsed = definition.schema.safeParse(block);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `auth.providers.${id}.${environment}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const data = parsed.data as {
      signIn?: { resolvers: ConfiguredOAuthProvider['resolvers'] };
      callbackUrl?: string;
    };
    configured.push({
      provider: definition.create(parsed.data as never),
      resolvers: data.signIn?.resolvers ?? definition.defaultResolvers,
      callbackUrl: data.callbackUrl ?? `${authBaseUrl}/${id}/handler/frame`,
    });
  }
  return configured;
}
