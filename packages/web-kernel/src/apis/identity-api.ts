import { AtriumError, ResponseError } from '@atrium/errors';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';
import { defineApiRef } from './api-ref.js';
import type { DiscoveryApi } from './discovery-api.js';
import { createSessionStore, parseRefreshResponse, type SignInSession } from './sign-in-session.js';

/** A sign-in method the auth backend offers (`GET /api/auth/providers`). */
export interface SignInProvider {
  id: string;
  title: string;
}

/** Whether someone is signed in; signed-out says why, so the sign-in page can explain. */
export type IdentityState =
  | { status: 'signed-in'; session: SignInSession }
  | { status: 'signed-out'; reason: 'not-signed-in' | 'signed-out' | 'expired' | 'unauthorized' };

/** The signed-in user and their token: sign-in, refresh before expiry, sign-out. */
export interface IdentityApi {
  /** The current state; the same object until it changes (fit for useSyncExternalStore). */
  getState(): IdentityState;
  subscribe(listener: () => void): () => void;
  listProviders(): Promise<SignInProvider[]>;
  signIn(providerId: string): Promise<SignInSession>;
  signOut(): Promise<void>;
  /** The token to send to the backend, if signed in and not expired. */
  getCredentials(): Promise<{ token?: string }>;
  /** Ends the session locally because the backend rejected its token (a 401). */
  handleUnauthorized(): void;
}

/** Ref of the identity API. */
export const identityApiRef = defineApiRef<IdentityApi>({ id: 'core.identity' });

/** Options of {@link createIdentityApi}. */
export interface CreateIdentityApiOptions {
  discoveryApi: DiscoveryApi;
  /** Keeps the session across reloads of the tab; sessionStorage in the app. */
  storage?: Storage;
  now?: () => number;
}

const retryAfterFailureMs = 30_000;

/** Refresh a quarter of the lifetime before expiry, at most five minutes early. */
function refreshDelay(session: SignInSession, now: number): number {
  const early = Math.min(300_000, session.lifetimeMs / 4);
  return Math.max(1_000, session.expiresAt - early - now);
}

/**
 * Creates the identity API against the auth backend's Backstage-shaped routes
 * (`/api/auth/<provider>/refresh`, `/logout`, `/providers`).
 *
 * @example
 * const identityApi = createIdentityApi({ discoveryApi, storage: window.sessionStorage });
 * await identityApi.signIn('guest');
 */
export function createIdentityApi(options: CreateIdentityApiOptions): IdentityApi {
  const now = options.now ?? Date.now;
  const store = createSessionStore(options.storage);
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: IdentityState = { status: 'signed-out', reason: 'not-signed-in' };

  const authUrl = async (path: string) => `${await options.discoveryApi.getBaseUrl('auth')}/${path}`;
  const setState = (next: IdentityState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const endSession = (reason: Extract<IdentityState, { status: 'signed-out' }>['reason']) => {
    clearTimeout(timer);
    store.clear();
    if (state.status === 'signed-in') setState({ status: 'signed-out', reason });
  };

  /** Signs in, or refreshes: showing the current token lets the backend continue its session. */
  async function fetchSession(providerId: string, currentToken?: string): Promise<SignInSession> {
    const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' };
    if (currentToken) headers.Authorization = `Bearer ${currentToken}`;
    const response = await fetch(await authUrl(`${encodeURIComponent(providerId)}/refresh`), {
      headers,
      credentials: 'include',
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return parseRefreshResponse(providerId, await response.json(), now());
  }

  function startSession(session: SignInSession) {
    store.save(session);
    setState({ status: 'signed-in', session });
    schedule(session, refreshDelay(session, now()));
  }

  function schedule(session: SignInSession, delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fetchSession(session.providerId, session.token).then(startSession, (error: unknown) => {
        if (error instanceof ResponseError && error.statusCode === 401) return endSession('expired');
        // A network blip must not sign the user out while the token is still valid.
        if (session.expiresAt - now() > retryAfterFailureMs) return schedule(session, retryAfterFailureMs);
        endSession('expired');
      });
    }, delay);
  }

  // A reload of the tab keeps the user signed in while the stored token is still valid.
  const restored = store.load();
  if (restored && restored.expiresAt > now()) {
    state = { status: 'signed-in', session: restored };
    schedule(restored, refreshDelay(restored, now()));
  } else if (restored) {
    store.clear();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async listProviders() {
      const response = await fetch(await authUrl('providers'), { credentials: 'include' });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const body = (await response.json()) as { providers?: unknown };
      if (!Array.isArray(body.providers)) {
        throw new AtriumError(
          webKernelErrorCodes.WEB_AUTH_INVALID_RESPONSE,
          'GET /api/auth/providers answered without a providers list; expected { "providers": [{ "id", "title" }] }.',
        );
      }
      return body.providers.filter(
        (p): p is SignInProvider => typeof p?.id === 'string' && typeof p?.title === 'string',
      );
    },
    async signIn(providerId) {
      const session = await fetchSession(providerId);
      startSession(session);
      return session;
    },
    async signOut() {
      const session = state.status === 'signed-in' ? state.session : undefined;
      endSession('signed-out');
      if (!session) return;
      try {
        // The backend revokes the session of the token it is shown, so a copy of the
        // token stops working too.
        await fetch(await authUrl(`${encodeURIComponent(session.providerId)}/logout`), {
          method: 'POST',
          headers: { 'X-Requested-With': 'XMLHttpRequest', Authorization: `Bearer ${session.token}` },
          credentials: 'include',
        });
      } catch (error) {
        // The local session is gone either way; the token still expires by itself.
        console.warn(`Atrium: signing out of '${session.providerId}' on the server failed`, error);
      }
    },
    async getCredentials() {
      if (state.status !== 'signed-in') return {};
      if (state.session.expiresAt <= now()) {
        endSession('expired');
        return {};
      }
      return { token: state.session.token };
    },
    handleUnauthorized: () => endSession('unauthorized'),
  };
}
