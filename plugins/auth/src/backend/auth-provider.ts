import type { LoggerService } from '@atrium/kernel';
import type { FastifyRequest } from 'fastify';

/** Who a provider signed in, before a token is issued. */
export interface SignInIdentity {
  userEntityRef: string;
  ownershipEntityRefs: string[];
  profile: { displayName?: string; email?: string; picture?: string };
}

/** What a provider gets to do its work. */
export interface AuthProviderContext {
  logger: LoggerService;
  /** `auth.environment` (default `development`). */
  environment: string;
}

/**
 * A sign-in provider contributed through the `auth.providers` extension point. Guest
 * needs only `refresh`; redirect-based providers (OIDC) also implement start/handler.
 */
export interface AuthProvider {
  id: string;
  title: string;
  /** Establishes the identity for a refresh request, or throws AuthenticationError. */
  refresh(request: FastifyRequest, context: AuthProviderContext): Promise<SignInIdentity>;
}
