import { AuthenticationError } from '@atrium/errors';
import {
  type Credentials,
  createCredentials,
  type ServicePrincipal,
  type UserPrincipal,
} from './credentials.js';
import type { ExternalAccess } from './external-access.js';
import { SERVICE_TOKEN_TYPE, type TokenSigner } from './tokens.js';

/** Turns a bearer token into credentials; shared by every plugin's auth service. */
export interface Authenticator {
  authenticate(token: string): Promise<Credentials<UserPrincipal | ServicePrincipal>>;
  /** The credentials of a token verified before and not yet expired, without waiting. */
  peek(token: string): Credentials<UserPrincipal | ServicePrincipal> | undefined;
}

const MAX_CACHED = 10_000;

/**
 * Creates the authenticator. Verified tokens are cached until they expire: ES256
 * verification costs far more than the rest of a small request.
 */
export function createAuthenticator(signer: TokenSigner, externalAccess: ExternalAccess): Authenticator {
  const cache = new Map<string, Credentials<UserPrincipal | ServicePrincipal>>();

  async function verify(token: string): Promise<Credentials<UserPrincipal | ServicePrincipal>> {
    const own = await signer.verify(token);
    if (own) {
      if (own.type === SERVICE_TOKEN_TYPE && !own.onBehalfOf) {
        return createCredentials<ServicePrincipal>({ type: 'service', subject: own.subject }, own.expiresAt);
      }
      const user = own.onBehalfOf ?? {
        userEntityRef: own.subject,
        ownershipEntityRefs: own.ownershipEntityRefs,
      };
      return createCredentials<UserPrincipal>({ type: 'user', ...user }, own.expiresAt);
    }
    const external = await externalAccess.authenticate(token);
    if (external) return createCredentials(external.principal, external.expiresAt);
    throw new AuthenticationError(
      'the bearer token is not valid: not issued by this backend and not a configured external access token',
    );
  }

  // The last few tokens are compared directly: a Map lookup hashes the whole ~500-character
  // token string on every request, a comparison with a recent token mostly does not.
  const recent: Array<{ token: string; credentials: Credentials<UserPrincipal | ServicePrincipal> }> = [];
  const peek = (token: string) => {
    for (const entry of recent) {
      if (entry.token === token) {
        const expiresAt = entry.credentials.expiresAt;
        if (!expiresAt || expiresAt.getTime() > Date.now()) return entry.credentials;
      }
    }
    const hit = cache.get(token);
    if (hit && (!hit.expiresAt || hit.expiresAt.getTime() > Date.now())) {
      recent.unshift({ token, credentials: hit });
      if (recent.length > 4) recent.pop();
      return hit;
    }
    if (hit) cache.delete(token);
    return undefined;
  };

  return {
    peek,
    async authenticate(token) {
      const hit = peek(token);
      if (hit) return hit;
      const credentials = await verify(token);
      if (credentials.expiresAt && credentials.expiresAt.getTime() <= Date.now()) {
        throw new AuthenticationError('the bearer token has expired; sign in again');
      }
      if (cache.size >= MAX_CACHED) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(token, credentials);
      return credentials;
    },
  };
}
