import { NotAllowedError } from '@atrium/errors';
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

/**
 * The guest provider: signs anyone in as one fixed user, for development. In production
 * (`NODE_ENV=production`) it refuses unless explicitly allowed.
 */
export function createGuestProvider(
  config: z.output<typeof guestProviderConfigSchema>,
  nodeEnv: string | undefined,
): AuthProvider {
  return {
    id: 'guest',
    title: 'Guest',
    async refresh() {
      if (nodeEnv === 'production' && !config.dangerouslyAllowOutsideDevelopment) {
        throw new NotAllowedError(
          'guest sign-in is disabled when NODE_ENV=production; set auth.providers.guest.dangerouslyAllowOutsideDevelopment: true to allow it',
        );
      }
      return {
        userEntityRef: config.userEntityRef,
        ownershipEntityRefs: config.ownershipEntityRefs ?? [config.userEntityRef],
        profile: { displayName: 'Guest' },
      };
    },
  };
}
