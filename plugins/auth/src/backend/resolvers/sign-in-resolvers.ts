import { AuthenticationError, NotAllowedError } from '@atrium/errors';
import { z } from 'zod';
import type { ProviderProfile, SignInIdentity } from '../auth-provider.js';
import { type CatalogEntity, type CatalogUsers, entityRef } from './catalog-users.js';

const common = { dangerouslyAllowSignInWithoutUserInCatalog: z.boolean().default(false) };

/** One entry of `signIn.resolvers` (Backstage's names and options). */
export const resolverConfigSchema = z.discriminatedUnion('resolver', [
  z.object({ resolver: z.literal('emailMatchingUserEntityProfileEmail'), ...common }),
  z.object({
    resolver: z.literal('emailLocalPartMatchingUserEntityName'),
    /** Only addresses of these domains are matched; any domain when absent. */
    allowedDomains: z.array(z.string()).optional(),
    ...common,
  }),
  z.object({
    resolver: z.literal('emailMatchingUserEntityAnnotation'),
    /** The annotation holding the address, e.g. `google.com/email` or `microsoft.com/email`. */
    annotation: z.string().min(1),
    ...common,
  }),
  z.object({ resolver: z.literal('usernameMatchingUserEntityName'), ...common }),
]);

/** `signIn` under a provider's environment block. */
export const signInConfigSchema = z.object({ resolvers: z.array(resolverConfigSchema).min(1) });

type ResolverConfig = z.output<typeof resolverConfigSchema>;

/** What a resolver looks for: a catalog filter, or why it cannot look (the profile lacks the field). */
function lookupOf(
  config: ResolverConfig,
  profile: ProviderProfile,
): { filter: Record<string, string>; describe: string; fallbackName: string } | { missing: string } {
  const email = profile.email?.toLowerCase();
  switch (config.resolver) {
    case 'emailMatchingUserEntityProfileEmail':
      if (!email) return { missing: 'an email address' };
      return {
        filter: { 'spec.profile.email': email },
        describe: `spec.profile.email '${email}'`,
        fallbackName: email,
      };
    case 'emailLocalPartMatchingUserEntityName': {
      if (!email) return { missing: 'an email address' };
      const [local = '', domain = ''] = email.split('@');
      if (config.allowedDomains && !config.allowedDomains.map((d) => d.toLowerCase()).includes(domain)) {
        return { missing: `an email address in ${config.allowedDomains.join(', ')} (got '${email}')` };
      }
      return {
        filter: { 'metadata.name': local },
        describe: `name '${local}' (from '${email}')`,
        fallbackName: local,
      };
    }
    case 'emailMatchingUserEntityAnnotation':
      if (!email) return { missing: 'an email address' };
      return {
        filter: { [`metadata.annotations.${config.annotation}`]: email },
        describe: `annotation ${config.annotation} '${email}'`,
        fallbackName: email,
      };
    case 'usernameMatchingUserEntityName':
      if (!profile.username) return { missing: 'a username' };
      return {
        filter: { 'metadata.name': profile.username },
        describe: `name '${profile.username}'`,
        fallbackName: profile.username,
      };
  }
}

/** A catalog-safe user name for a sign-in without a catalog User. */
const toEntityName = (value: string) =>
  value
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 63) || 'unknown';

/**
 * Runs the configured resolvers in order; the first that finds exactly one User signs the
 * person in as that User with its groups. None matching is a NotAllowedError that says
 * which resolver found nothing for which value.
 */
export async function resolveSignIn(
  resolvers: readonly ResolverConfig[],
  profile: ProviderProfile,
  catalog: CatalogUsers,
): Promise<SignInIdentity> {
  const tried: string[] = [];
  const shown = { displayName: profile.displayName, email: profile.email, picture: profile.picture };
  for (const config of resolvers) {
    const lookup = lookupOf(config, profile);
    if ('missing' in lookup) {
      tried.push(`${config.resolver} needs ${lookup.missing} from the identity provider, which sent none`);
      continue;
    }
    const users: CatalogEntity[] = await catalog.findUsers(lookup.filter);
    if (users.length > 1) {
      throw new AuthenticationError(
        `sign-in refused: ${config.resolver} found more than one User with ${lookup.describe}; a sign-in must match one User`,
      );
    }
    const [user] = users;
    if (user)
      return {
        userEntityRef: entityRef(user),
        ownershipEntityRefs: await catalog.ownershipRefs(user),
        profile: shown,
      };
    if (config.dangerouslyAllowSignInWithoutUserInCatalog) {
      const ref = `user:default/${toEntityName(lookup.fallbackName)}`;
      return { userEntityRef: ref, ownershipEntityRefs: [ref], profile: shown };
    }
    tried.push(`${config.resolver} found no User with ${lookup.describe}`);
  }
  throw new NotAllowedError(`sign-in refused: no User in the catalog matches you. ${tried.join('; ')}`);
}
