import { ResponseError } from '@atrium/errors';
import { defineApiRef } from './api-ref.js';
import {
  type AuthUrl,
  requestProviders,
  requestSession,
  requestSignOut,
  type SignInProvider,
} from './auth-requests.js';
import type { DiscoveryApi } from './discovery-api.js';
import { readSignInLanding } from './popup-sign-in.js';
import { createProviderList, createRedirectSignIn } from './redirect-sign-in.js';
import { createSessionStore, type SessionStore, type SignInSession } from './sign-in-session.js';

export type { SignInProvider } from './auth-requests.js';

/** Whether someone is signed in; signed-out says why, so the sign-in page can explain. */
export type IdentityState =
  | { status: 'signed-in'; session: SignInSession }
  | {
      status: 'signed-out';
      reason: 'not-signed-in' | 'signed-out' | 'expired' | 'unauthorized' | 'failed';
      /** Why a redirect sign-in failed (e.g. no catalog User matched), for the sign-in page. */
      message?: string;
    };

/** The signed-in user and their token: sign-in, refresh before expiry, sign-out. */
export interface IdentityApi {
  /** The current state; the same object until it changes (fit for useSyncExternalStore). */
  getState(): IdentityState;
  subscribe(listener: () => void): () => void;
  listProviders(): Promise<SignInProvider[]>;
  /**
   * Signs in: guest (and other direct providers) at once; redirect providers (OIDC,
   * GitHub) in a popup, or with a full-page redirect when `flow: 'redirect'` is asked
   * or the popup is blocked (the promise then never settles: the page goes away).
   */
  signIn(providerId: string, options?: { flow?: 'popup' | 'redirect' }): Promise<SignInSession>;
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
  /** The page's URL at start: a redirect sign-in comes back with `signedIn` or `signInError`. */
  landingUrl?: string;
  /** Replaces the page URL without reloading (drops the sign-in parameters). */
  replaceUrl?: (url: string) => void;
  /** Where popups open and navigation happens; the browser window in the app. */
  window?: Window;
}

const retryAfterFailureMs = 30_000;

/** Refresh a quarter of the lifetime before expiry, at most five minutes early. */
function refreshDelay(session: SignInSession, now: number): number {
  const early = Math.min(300_000, session.lifetimeMs / 4);
  return Math.max(1_000, session.expiresAt - early - now);
}

/**
 * Runs one refresh at a time, when scheduled. A refused token (401) ends the session; any
 * other failure retries and never signs the user out by itself.
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
        // A network blip, or a request aborted because the page is reloading: keep the
        // session (a reload resumes it with the refresh cookie) and try again; an expired
        // token is renewed or ended by getCredentials when it is next needed.
        const remaining = session.expiresAt - options.now();
        schedule(session, Math.min(retryAfterFailureMs, Math.max(1_000, remaining / 2)));
      });
    }, delay);
  };
  return { schedule, cancel: () => clearTimeout(timer) };
}

/**
 * A reload of the tab keeps the user signed in while the stored token is still valid; an
 * expired one of a redirect provider can still be refreshed with its cookie (`resume`).
 */
function restoreSession(store: SessionStore, now: number): { session?: SignInSession; resume?: string } {
  const restored = store.load();
  if (restored && restored.expiresAt > now) return { session: restored };
  if (restored) store.clear();
  return { resume: restored && restored.providerId !== 'guest' ? restored.providerId : undefined };
}

/** The current state and its listeners (the same object until it changes, for useSyncExternalStore). */
function createStateHolder(initial: IdentityState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: IdentityState) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The state at start: a stored session, or the result a redirect sign-in brought back in
 * the URL (cleaned from it). Back from a redirect sign-in, or reloaded after the token
 * expired, the provider's refresh cookie gives a token without another trip to the
 * identity provider (`cookieProvider`).
 */
function startingState(store: SessionStore, options: CreateIdentityApiOptions, now: number) {
  const { session: restored, resume } = restoreSession(store, now);
  const landing = readSignInLanding(options.landingUrl);
  if (landing.cleanUrl) options.replaceUrl?.(landing.cleanUrl);
  const initial: IdentityState = restored
    ? { status: 'signed-in', session: restored }
    : landing.error
      ? { status: 'signed-out', reason: 'failed', message: landing.error }
      : { status: 'signed-out', reason: 'not-signed-in' };
  return { restored, landing, initial, cookieProvider: restored ? undefined : (landing.provider ?? resume) };
}

/** Starting, refreshing and ending the session: the store, the state and the refresh timer together. */
function createSessionLifecycle(
  store: SessionStore,
  holder: ReturnType<typeof createStateHolder>,
  authUrl: AuthUrl,
  now: () => number,
) {
  const endSession = (reason: Extract<IdentityState, { status: 'signed-out' }>['reason']) => {
    refresher.cancel();
    store.clear();
    if (holder.get().status === 'signed-in') holder.set({ status: 'signed-out', reason });
  };
  function startSession(session: SignInSession) {
    store.save(session);
    holder.set({ status: 'signed-in', session });
    refresher.schedule(session, refreshDelay(session, now()));
  }
  const refresher = createRefresher({
    refresh: (session) => requestSession(authUrl, session.providerId, session.token, now),
    onRefreshed: startSession,
    onExpired: () => endSession('expired'),
    now,
  });
  // A token that expired before its refresh ran (a sleeping laptop, a reload at the last
  // second): a redirect provider's refresh cookie may still give a new one, asked once.
  let renewing: Promise<SignInSession | undefined> | undefined;
  const renewExpired = (session: SignInSession) => {
    renewing ??= (
      session.providerId === 'guest'
        ? Promise.resolve(undefined)
        : requestSession(authUrl, session.providerId, undefined, now).then(
            (renewed) => {
              startSession(renewed);
              return renewed;
            },
            () => undefined,
          )
    ).finally(() => {
      renewing = undefined;
    });
    return renewing;
  };
  return { startSession, endSession, refresher, renewExpired };
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
  const { restored, landing, cookieProvider, initial } = startingState(store, options, now());
  const holder = createStateHolder(initial);
  const providerList = createProviderList(() => requestProviders(authUrl));

  const authUrl: AuthUrl = async (path) => `${await options.discoveryApi.getBaseUrl('auth')}/${path}`;
  const setState = holder.set;
  const { startSession, endSession, refresher, renewExpired } = createSessionLifecycle(
    store,
    holder,
    authUrl,
    now,
  );

  if (restored) refresher.schedule(restored, refreshDelay(restored, now()));
  if (cookieProvider) {
    requestSession(authUrl, cookieProvider, undefined, now).then(startSession, (error: unknown) => {
      // A stale cookie after a reload just means signing in again; a failed landing says why.
      if (landing.provider)
        setState({ status: 'signed-out', reason: 'failed', message: (error as Error).message });
    });
  }
  const redirectSignIn = createRedirectSignIn({ authUrl, window: options.window });

  return {
    getState: holder.get,
    subscribe: holder.subscribe,
    listProviders: () => providerList.refresh(),
    async signIn(providerId, signInOptions) {
      if ((await providerList.find(providerId))?.flow === 'redirect') {
        await redirectSignIn(providerId, signInOptions?.flow ?? 'popup');
      }
      const session = await requestSession(authUrl, providerId, undefined, now);
      startSession(session);
      return session;
    },
    async signOut() {
      const current = holder.get();
      const session = current.status === 'signed-in' ? current.session : undefined;
      endSession('signed-out');
      if (session) await requestSignOut(authUrl, session);
    },
    async getCredentials() {
      const current = holder.get();
      if (current.status !== 'signed-in') return {};
      // A token about to expire could be refused by the time it arrives (a 401 signs out): renew it first.
      const margin = Math.min(30_000, current.session.lifetimeMs / 4);
      if (current.session.expiresAt - margin > now()) return { token: current.session.token };
      const renewed = await renewExpired(current.session);
      if (renewed) return { token: renewed.token };
      if (current.session.expiresAt > now()) return { token: current.session.token };
      endSession('expired');
      return {};
    },
    handleUnauthorized: () => endSession('unauthorized'),
  };
}
