import { z } from 'zod';
import type { AuthProvider } from './auth-provider.js';

/** `auth.providers.guest`, as in Backstage. */
export const guestProviderConfigSchema = z
  .object({
    userEntityRef: z.string().default('user:development/guest'),
    ownershipEntityRefs: z.array(z.string()).optional(),
    dangerouslyAllowOutsideDevelopment: z.boolean().default(false),
  })
  .prefault({});

const developmentEnvironments = ['development', 'test'];

/**
 * Why guest sign-in is refused, or undefined when it is allowed: both `auth.environment`
 * and `NODE_ENV` must say development or test (anything else counts as production),
 * unless the operator explicitly allows it.
 */
export function guestSignInRefusal(
  config: z.output<typeof guestProviderConfigSchema>,
  authEnvironment: string,
  nodeEnv: string,
): string | undefined {
  if (config.dangerouslyAllowOutsideDevelopment) return undefined;
  const reasons = [
    developmentEnvironments.includes(authEnvironment)
      ? undefined
      : `auth.environment is '${authEnvironment}'`,
    developmentEnvironments.includes(nodeEnv) ? undefined : `NODE_ENV is '${nodeEnv}'`,
  ].filter(Boolean);
  if (reasons.length === 0) return undefined;
  return `guest sign-in is disabled outside development: ${reasons.join(' and ')} (guest needs development or test for both). Anyone could sign in as '${config.userEntityRef}'; set auth.providers.guest.dangerouslyAllowOutsideDevelopment: true only if that is intended`;
}

/** The guest provider: signs anyone in as one fixed user, for development. */
export function createGuestProvider(config: z.output<typeof guestProviderConfigSchema>): AuthProvider {
  return {
    id: 'guest',
    title: 'Guest',
    async refresh() {
      return {
        userEntityRef: config.userEntityRef,
        ownershipEntityRefs: config.ownershipEntityRefs ?? [config.userEntityRef],
        profile: { displayName: 'Guest' },
      };
    },
  };
}
