import { NotAllowedError } from '@atrium/errors';
import type { Authenticator } from './authenticator.js';
import {
  type Credentials,
  createCredentials,
  isPrincipal,
  type NonePrincipal,
  type Principal,
  type PrincipalTypes,
  type ServicePrincipal,
  type UserPrincipal,
} from './credentials.js';
import type { TokenSigner } from './tokens.js';

/** Token verification and plugin-to-plugin tokens, for one plugin. */
export interface AuthService {
  /**
   * Verifies a bearer token (user, plugin or external) for a call into this plugin and
   * returns who it stands for; a plugin token issued for another plugin is refused.
   */
  authenticate(token: string): Promise<Credentials<UserPrincipal | ServicePrincipal>>;
  isPrincipal<T extends keyof PrincipalTypes>(
    credentials: Credentials,
    type: T,
  ): credentials is Credentials<PrincipalTypes[T]>;
  getNoneCredentials(): Credentials<NonePrincipal>;
  /** Credentials of this plugin itself, for calls it makes on its own behalf. */
  getOwnServiceCredentials(): Credentials<ServicePrincipal>;
  /** A token to call another plugin's API, for this plugin or on behalf of a user. */
  getPluginRequestToken(options: {
    onBehalfOf: Credentials;
    targetPluginId: string;
  }): Promise<{ token: string }>;
}

/** Creates the auth service of one plugin. */
export function createAuthService(
  pluginId: string,
  authenticator: Authenticator,
  signer: TokenSigner,
): AuthService {
  const own = createCredentials<ServicePrincipal>({ type: 'service', subject: `plugin:${pluginId}` });
  return {
    authenticate: (token) => authenticator.authenticate(token, pluginId),
    isPrincipal,
    getNoneCredentials: () => createCredentials({ type: 'none' }),
    getOwnServiceCredentials: () => own,
    async getPluginRequestToken({ onBehalfOf, targetPluginId }) {
      const principal: Principal = onBehalfOf.principal;
      if (principal.type === 'none') {
        throw new NotAllowedError(
          `plugin '${pluginId}' cannot call '${targetPluginId}' on behalf of an anonymous caller`,
        );
      }
      return signer.issueServiceToken({
        subject: `plugin:${pluginId}`,
        audience: targetPluginId,
        onBehalfOf:
          principal.type === 'user'
            ? {
                userEntityRef: principal.userEntityRef,
                ownershipEntityRefs: principal.ownershipEntityRefs,
                sessionId: onBehalfOf.sessionId,
              }
            : undefined,
      });
    },
  };
}
