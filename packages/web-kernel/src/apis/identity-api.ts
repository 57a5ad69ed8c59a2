import { ResponseError } from '@atrium/errors';
import { defineApiRef } from './api-ref.js';
import { requestProviders, requestSession, requestSignOut, type SignInProvider } from './auth-requests.js';
import type { DiscoveryApi } from './discovery-api.js';
import { createSessionStore, type SessionStore, type SignInSession } from './sign-in-session.js';

export type { SignInProvider } from './auth-requests.js';

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
 * Runs one refresh at a time, when scheduled. A refused token (401) ends the session; a
 * network blip must not sign the user out while the token is still valid, so it retries.
 */
function createRefresher(options: {
  refresh(session: SignInSession): Promise<SignInSession>;
  onRefreshed(session: SignInSession): void;
  onExpired(): void;
  now(): number;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (session: SignInSession, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      options.refresh(session).then(options.onRefreshed, (error: unknown) => {
        if (error instanceof ResponseError && error.statusCode === 401) return options.onExpired();
        if (session.expiresAt - options.now() > retryAfterFailureMs)
          return schedule(session, retryAfterFailureMs);
        options.onExpired();
      });
    }, delay);
  };
  return { schedule, cancel: () => clearTimeout(timer) };
}

/** A reload of the tab keeps the user signed in while the stored token is still valid. */
function restoreSession(store: SessionStore, now: number): SignInSession | undefined {
  const restored = store.load();
  if (restored && restored.expiresAt > now) return restored;
  if (restored) store.clear();
  return undefined;
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
  const restored = restoreSession(store, now());
  let state: IdentityState = restored
    ? { status: 'signed-in', session: restored }
    : { status: 'signed-out', reason: 'not-signed-in' };

  const authUrl = async (path: string) => `${await options.discoveryApi.getBaseUrl('auth')}/${path}`;
  const setState = (next: IdentityState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const endSession = (reason: Extract<IdentityState, { status: 'signed-out' }>['reason']) => {
    refresher.cancel();
    store.clear();
    if (state.status === 'signed-in') setState({ status: 'signed-out', reason });
  };

  function startSession(session: SignInSession) {
    store.save(session);
    setState({ status: 'signed-in', session });
    refresher.schedule(session, refreshDelay(session, now()));
  }
  const refresher = createRefresher({
    refresh: (session) => requestSession(authUrl, session.providerId, session.token, now),
    onRefreshed: startSession,
    onExpired: () => endSession('expired'),
    now,
  });

  if (restored) refresher.schedule(restored, refreshDelay(restored, now()));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listProviders: () => requestProviders(authUrl),
    async signIn(providerId) {
      const session = await requestSession(authUrl, providerId, undefined, now);
      startSession(session);
      return session;
    },
    async signOut() {
      const session = state.status === 'signed-in' ? state.session : undefined;
      endSession('signed-out');
      if (session) await requestSignOut(authUrl, session);
    },
    async getCredentials() {
      if (state.status !== 'signed-in') return {};
      if (state.session.expiresAt > now()) return { token: state.session.token };
      endSession('expired');
      return {};
    },
    handleUnauthorized: () => endSession('unauthorized'),
  };
}
