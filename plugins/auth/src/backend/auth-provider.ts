import type { RouteSpec } from '@atrium/http-api';
import type { LoggerService, RouteContext } from '@atrium/kernel';

/** The HTTP request a provider reads: the one the kernel hands every route handler. */
export type AuthProviderRequest = RouteContext<RouteSpec>['request'];
/** The reply a route handler may write to itself (redirects, pages, cookies). */
export type AuthProviderReply = RouteContext<RouteSpec>['reply'];

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
 * A sign-in provider contributed through the `auth.providers` extension point that signs
 * in without a redirect (guest, proxies): it establishes the identity on every refresh.
 */
export interface AuthProvider {
  id: string;
  title: string;
  /** Establishes the identity for a refresh request, or throws AuthenticationError. */
  refresh(request: AuthProviderRequest, context: AuthProviderContext): Promise<SignInIdentity>;
}

/** What an identity provider says about the person who signed in; the resolvers read it. */
export interface ProviderProfile {
  /** The provider's stable subject id. */
  subject: string;
  email?: string;
  /** A login name (GitHub's `login`, OIDC's `preferred_username`). */
  username?: string;
  displayName?: string;
  picture?: string;
}

/** Everything a redirect provider needs from one sign-in in progress. */
export interface OAuthFlowInput {
  /** The callback URL registered with the identity provider. */
  redirectUri: string;
  state: string;
  nonce: string;
  /** PKCE code verifier (the challenge is its S256 hash). */
  codeVerifier: string;
}

/**
 * A redirect-based provider (OIDC, OAuth2, GitHub). The auth plugin owns the flow around
 * it: state and PKCE storage, the callback page, resolvers, refresh sessions and cookies.
 */
export interface OAuthProvider {
  id: string;
  title: string;
  /** The identity provider's authorization URL to send the browser to. */
  authorizationUrl(input: OAuthFlowInput): Promise<URL>;
  /**
   * Checks the callback (state, code, nonce, PKCE) and reads the profile; throws an
   * AuthenticationError naming what was wrong.
   */
  handleCallback(callbackUrl: URL, input: OAuthFlowInput): Promise<ProviderProfile>;
}
