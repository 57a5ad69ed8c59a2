import type { AuthUrl, SignInProvider } from './auth-requests.js';
import { signInWithPopup } from './popup-sign-in.js';

/** The providers the backend offers, as last listed (the sign-in page lists them before any sign-in). */
export function createProviderList(load: () => Promise<SignInProvider[]>) {
  let cached: Promise<SignInProvider[]> | undefined;
  return {
    refresh() {
      cached = load();
      cached.catch(() => {
        cached = undefined;
      });
      return cached;
    },
    async find(id: string): Promise<SignInProvider | undefined> {
      return cached ? (await cached.catch(() => [])).find((p) => p.id === id) : undefined;
    },
  };
}

/**
 * Runs a redirect provider's sign-in up to the refresh cookie: a popup that reports back,
 * or (asked for, or the popup blocked) a full-page redirect that comes back to this page.
 */
export function createRedirectSignIn(options: { authUrl: AuthUrl; window?: Window }) {
  return async (providerId: string, flow: 'popup' | 'redirect'): Promise<void> => {
    const win = options.window ?? window;
    const start = new URL(await options.authUrl(`${encodeURIComponent(providerId)}/start`));
    if (flow === 'popup') {
      start.searchParams.set('flow', 'popup');
      start.searchParams.set('origin', win.location.origin);
      if ((await signInWithPopup(start.href, start.origin, providerId, win)) === 'signed-in') return;
    }
    start.searchParams.set('flow', 'redirect');
    start.searchParams.set('redirectUrl', win.location.href);
    win.location.assign(start.href);
    await new Promise<never>(() => {
      // The page is going away: this never settles, so nothing after the sign-in call runs.
    });
  };
}
