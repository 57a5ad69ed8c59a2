import { AtriumError } from '@atrium/errors';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';

/** Who is signed in, as the auth backend's refresh endpoint describes them. */
export interface SignInSession {
  providerId: string;
  /** The Atrium user token (a JWT), sent as `Authorization: Bearer`. */
  token: string;
  /** When the token expires, in epoch milliseconds. */
  expiresAt: number;
  /** Lifetime the backend granted, used to schedule refreshes. */
  lifetimeMs: number;
  profile: { displayName?: string; email?: string; picture?: string };
  identity: { type: 'user'; userEntityRef: string; ownershipEntityRefs: string[] };
}

const defaultLifetimeMs = 3_600_000;

function lifetimeFromToken(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 - Date.now() : undefined;
  } catch {
    return undefined;
  }
}

function invalid(providerId: string, what: string): AtriumError {
  return new AtriumError(
    webKernelErrorCodes.WEB_AUTH_INVALID_RESPONSE,
    `the '${providerId}' sign-in answered without ${what}. Check that the auth backend serves ` +
      `GET /api/auth/${providerId}/refresh in the { profile, backstageIdentity: { token, identity } } shape.`,
  );
}

/**
 * Reads the body of `GET /api/auth/<provider>/refresh` into a session.
 *
 * @example
 * const session = parseRefreshResponse('guest', await response.json(), Date.now());
 */
export function parseRefreshResponse(providerId: string, body: unknown, now: number): SignInSession {
  const root = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const backstageIdentity = (root.backstageIdentity ?? {}) as Record<string, unknown>;
  const token = backstageIdentity.token;
  if (typeof token !== 'string' || token === '') throw invalid(providerId, 'a token');
  const identity = (backstageIdentity.identity ?? {}) as Record<string, unknown>;
  if (typeof identity.userEntityRef !== 'string') throw invalid(providerId, 'identity.userEntityRef');
  const seconds = backstageIdentity.expiresInSeconds;
  const lifetimeMs =
    typeof seconds === 'number' && seconds > 0
      ? seconds * 1000
      : (lifetimeFromToken(token) ?? defaultLifetimeMs);
  const profile = (root.profile ?? {}) as SignInSession['profile'];
  const ownership = Array.isArray(identity.ownershipEntityRefs)
    ? identity.ownershipEntityRefs.filter((ref): ref is string => typeof ref === 'string')
    : [];
  return {
    providerId,
    token,
    expiresAt: now + lifetimeMs,
    lifetimeMs,
    profile: {
      displayName: typeof profile.displayName === 'string' ? profile.displayName : undefined,
      email: typeof profile.email === 'string' ? profile.email : undefined,
      picture: typeof profile.picture === 'string' ? profile.picture : undefined,
    },
    identity: { type: 'user', userEntityRef: identity.userEntityRef, ownershipEntityRefs: ownership },
  };
}

const storageKey = 'atrium.session';

/** Where a session survives reloads of the same tab (sessionStorage), when the browser allows it. */
export interface SessionStore {
  load(): SignInSession | undefined;
  save(session: SignInSession): void;
  clear(): void;
}

/**
 * A session store over a Web Storage object; storage errors (private mode, quota) are
 * treated as "nothing stored", since the in-memory session still works.
 *
 * @example
 * const store = createSessionStore(window.sessionStorage);
 */
export function createSessionStore(storage: Storage | undefined): SessionStore {
  return {
    load() {
      try {
        const raw = storage?.getItem(storageKey);
        if (!raw) return undefined;
        const session = JSON.parse(raw) as Partial<SignInSession>;
        if (typeof session.token !== 'string' || typeof session.expiresAt !== 'number') return undefined;
        return session as SignInSession;
      } catch {
        return undefined;
      }
    },
    save(session) {
      try {
        storage?.setItem(storageKey, JSON.stringify(session));
      } catch {
        // Storage full or blocked: the session lives in memory until the tab closes.
      }
    },
    clear() {
      try {
        storage?.removeItem(storageKey);
      } catch {
        // Blocked storage held nothing to clear.
      }
    },
  };
}
