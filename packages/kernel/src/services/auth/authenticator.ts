import { AuthenticationError, NotAllowedError } from '@atrium/errors';
import { LRUCache } from 'lru-cache';
import type { AccessRestrictionsMap } from './access-restrictions.js';
import {
  type Credentials,
  createCredentials,
  type ServicePrincipal,
  type UserPrincipal,
} from './credentials.js';
import type { ExternalAccess } from './external-access.js';
import { SERVICE_TOKEN_TYPE, type TokenSigner, type VerifiedToken } from './tokens.js';
import type { UserSessions } from './user-sessions.js';

type CallerCredentials = Credentials<UserPrincipal | ServicePrincipal>;

/** Turns a bearer token into credentials; shared by every plugin's auth service. */
export interface Authenticator {
  /**
   * Verifies a token for a call into `pluginId`: a plugin token must be addressed to it
   * and an external caller must be allowed to call it.
   */
  authenticate(token: string, pluginId: string): Promise<CallerCredentials>;
  /** The same, for a token verified before and still valid, without waiting; undefined otherwise. */
  peek(token: string, pluginId: string): CallerCredentials | undefined;
}

/** A verified token as cached: the credentials plus what is checked per call. */
interface Verified {
  credentials: CallerCredentials;
  expiresAtMs: number;
  /** Plugin tokens: the plugin they were issued for. */
  audience?: string;
  sessionId?: string;
  restrictions?: AccessRestrictionsMap;
  perPlugin?: Map<string, CallerCredentials>;
}

const MAX_CACHED = 10_000;

function fromOwnToken(own: VerifiedToken): Verified {
  const expiresAtMs = own.expiresAt.getTime();
  const audience = own.type === SERVICE_TOKEN_TYPE ? own.audience : undefined;
  if (own.type === SERVICE_TOKEN_TYPE && !own.onBehalfOf) {
    const principal: ServicePrincipal = { type: 'service', subject: own.subject };
    return { credentials: createCredentials(principal, own.expiresAt), expiresAtMs, audience };
  }
  const user = own.onBehalfOf ?? { userEntityRef: own.subject, ownershipEntityRefs: own.ownershipEntityRefs };
  const credentials = createCredentials<UserPrincipal>(
    { type: 'user', ...user },
    own.expiresAt,
    own.sessionId,
  );
  return { credentials, expiresAtMs, audience, sessionId: own.sessionId };
}

/** The credentials of a verified token for one plugin, or the reason it may not call it. */
function forPlugin(entry: Verified, pluginId: string): CallerCredentials {
  if (entry.audience !== undefined && entry.audience !== pluginId) {
    throw new AuthenticationError(
      `this plugin token was issued for plugin '${entry.audience}' and is not valid for plugin '${pluginId}'`,
    );
  }
  const restrictions = entry.restrictions;
  if (!restrictions) return entry.credentials;
  const principal = entry.credentials.principal as ServicePrincipal;
  if (!restrictions.has(pluginId)) {
    throw new NotAllowedError(
      `external access '${principal.subject}' is restricted to plugins ${[...restrictions.keys()].map((p) => `'${p}'`).join(', ')}`,
    );
  }
  const restriction = restrictions.get(pluginId);
  if (!restriction) return entry.credentials;
  entry.perPlugin ??= new Map();
  let credentials = entry.perPlugin.get(pluginId);
  if (!credentials) {
    credentials = createCredentials(
      { ...principal, accessRestrictions: restriction },
      entry.credentials.expiresAt,
    );
    entry.perPlugin.set(pluginId, credentials);
  }
  return credentials;
}

/**
 * Creates the authenticator. Verified tokens are cached until they expire (ES256
 * verification costs far more than the rest of a small request); a cached token whose
 * session was revoked is refused at once.
 */
export function createAuthenticator(
  signer: TokenSigner,
  externalAccess: ExternalAccess,
  sessions: UserSessions,
): Authenticator {
  const cache = new LRUCache<string, Verified>({ max: MAX_CACHED });

  async function verify(token: string): Promise<Verified> {
    const own = await signer.verify(token);
    if (own) {
      if (own.sessionId && !(await sessions.isActive(own.sessionId))) {
        throw new AuthenticationError(
          'the session of this token has ended (signed out or expired); sign in again',
        );
      }
      return fromOwnToken(own);
    }
    const external = await externalAccess.authenticate(token);
    if (external) {
      const principal: ServicePrincipal = { type: 'service', subject: external.subject };
      return {
        credentials: createCredentials(principal, external.expiresAt),
        expiresAtMs: external.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
        restrictions: external.restrictions,
      };
    }
    throw new AuthenticationError(
      'the bearer token is not valid: not issued by this backend and not a configured external access token',
    );
  }

  const isLive = (entry: Verified) =>
    entry.expiresAtMs > Date.now() && !(entry.sessionId && sessions.isRevoked(entry.sessionId));

  // The last few tokens are compared directly: a Map lookup hashes the whole ~500-character
  // token string on every request, a comparison with a recent token mostly does not.
  const recent: Array<{ token: string; entry: Verified }> = [];
  const lookup = (token: string): Verified | undefined => {
    for (const item of recent) {
      if (item.token === token) return isLive(item.entry) ? item.entry : undefined;
    }
    const hit = cache.get(token);
    if (hit && isLive(hit)) {
      recent.unshift({ token, entry: hit });
      if (recent.length > 4) recent.pop();
      return hit;
    }
    if (hit) cache.delete(token);
    return undefined;
  };

  return {
    peek(token, pluginId) {
      const entry = lookup(token);
      return entry && forPlugin(entry, pluginId);
    },
    async authenticate(token, pluginId) {
      const hit = lookup(token);
      if (hit) return forPlugin(hit, pluginId);
      const entry = await verify(token);
      if (entry.expiresAtMs <= Date.now()) {
        throw new AuthenticationError('the bearer token has expired; sign in again');
      }
      cache.set(token, entry);
      return forPlugin(entry, pluginId);
    },
  };
}
