import type { RouteSpec } from '@atrium/http-api';
import type { LoggerService, RouteContext } from '@atrium/kernel';

/** The HTTP request a provider reads: the one the kernel hands every route handler. */
export type AuthProviderRequest = RouteContext<RouteSpec>['request'];

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
  refresh(request: AuthProviderRequest, context: AuthProviderContext): Promise<SignInIdentity>;
}
