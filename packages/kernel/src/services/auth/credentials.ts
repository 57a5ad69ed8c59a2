import type { AccessRestriction } from './access-restrictions.js';

/** A signed-in person, resolved to a catalog User entity. */
export interface UserPrincipal {
  type: 'user';
  /** e.g. `user:default/jdoe` */
  userEntityRef: string;
  /** The user's ref plus refs of the groups it belongs to. */
  ownershipEntityRefs: string[];
}

/** A plugin, or an external caller with a configured token. */
export interface ServicePrincipal {
  type: 'service';
  /** Plugin id (`plugin:catalog`) or the configured subject of an external token. */
  subject: string;
  /**
   * Set for external tokens whose `accessRestrictions` entry for the called plugin limits
   * permissions; the permissions service denies whatever it does not cover.
   */
  accessRestrictions?: AccessRestriction;
}

/** No credential was given. */
export interface NonePrincipal {
  type: 'none';
}

/** Any principal. */
export type Principal = UserPrincipal | ServicePrincipal | NonePrincipal;

/** Principal types by name. */
export interface PrincipalTypes {
  user: UserPrincipal;
  service: ServicePrincipal;
  none: NonePrincipal;
}

/** Who is calling, as established by the auth service. */
export interface Credentials<TPrincipal extends Principal = Principal> {
  readonly $$type: '@atrium/Credentials';
  readonly principal: TPrincipal;
  readonly expiresAt?: Date;
  /** The sign-in session the credentials belong to (user tokens and tokens on behalf of a user). */
  readonly sessionId?: string;
}

/** Builds credentials for a principal. */
export function createCredentials<T extends Principal>(
  principal: T,
  expiresAt?: Date,
  sessionId?: string,
): Credentials<T> {
  return { $$type: '@atrium/Credentials', principal, expiresAt, sessionId };
}

/** True when the credentials carry a principal of the given type. */
export function isPrincipal<T extends keyof PrincipalTypes>(
  credentials: Credentials,
  type: T,
): credentials is Credentials<PrincipalTypes[T]> {
  return credentials.principal.type === type;
}
