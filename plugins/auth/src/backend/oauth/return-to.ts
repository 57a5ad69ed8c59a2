import { InputError } from '@atrium/errors';

/**
 * Where a sign-in's result goes: the app's origin for a popup (postMessage target), an app
 * URL for a redirect. Anything outside `app.baseUrl`'s origin is refused, so a crafted
 * start link cannot send the result (or the user) elsewhere.
 */
export function checkedReturnTo(
  appBaseUrl: string,
  flow: 'popup' | 'redirect',
  query: { origin?: string; redirectUrl?: string },
): string {
  const app = new URL(appBaseUrl);
  if (flow === 'popup') {
    const origin = query.origin ?? app.origin;
    if (origin !== app.origin) {
      throw new InputError(`origin '${origin}' is not the app's origin (${app.origin}, from app.baseUrl)`);
    }
    return origin;
  }
  const raw = query.redirectUrl ?? app.href;
  let target: URL;
  try {
    target = new URL(raw, app);
  } catch {
    throw new InputError(`redirectUrl '${raw}' is not a URL`);
  }
  if (target.origin !== app.origin) {
    throw new InputError(`redirectUrl '${raw}' is not on the app's origin (${app.origin}, from app.baseUrl)`);
  }
  return target.href;
}
