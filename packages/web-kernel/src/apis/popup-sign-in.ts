import { AtriumError } from '@atrium/errors';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';

/** The message the auth backend's callback page posts to the app (see the auth plugin). */
interface SignInResultMessage {
  type: 'atrium-sign-in';
  provider: string;
  ok: boolean;
  error?: { name?: string; message?: string };
}

const isResult = (data: unknown): data is SignInResultMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'atrium-sign-in';

const failed = (message: string) => new AtriumError(webKernelErrorCodes.WEB_AUTH_SIGN_IN_FAILED, message);

/**
 * Opens `startUrl` in a popup, as Backstage does, and resolves when the callback page
 * posts a successful result. Only messages from the popup itself, at the auth backend's
 * origin, count. Answers `blocked` when the browser refused to open the window, so the
 * caller can fall back to a full-page redirect.
 *
 * @example
 * if ((await signInWithPopup(startUrl, 'http://localhost:7007', 'oidc')) === 'blocked') location.assign(redirectUrl);
 */
export function signInWithPopup(
  startUrl: string,
  backendOrigin: string,
  providerId: string,
  win: Window = window,
): Promise<'signed-in' | 'blocked'> {
  const width = 500;
  const height = 700;
  const left = Math.max(0, win.screenX + (win.outerWidth - width) / 2);
  const top = Math.max(0, win.screenY + (win.outerHeight - height) / 2);
  const popup = win.open(
    startUrl,
    `atrium-sign-in-${providerId}`,
    `popup,width=${width},height=${height},left=${left},top=${top}`,
  );
  if (!popup) return Promise.resolve('blocked');
  return new Promise((resolve, reject) => {
    const finish = () => {
      win.removeEventListener('message', onMessage);
      clearInterval(closedTimer);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== popup || event.origin !== backendOrigin || !isResult(event.data)) return;
      if (event.data.provider !== providerId) return;
      finish();
      if (event.data.ok) resolve('signed-in');
      else reject(failed(event.data.error?.message ?? `the '${providerId}' sign-in failed`));
    };
    // A closed popup posts nothing; notice it instead of waiting forever.
    const closedTimer = setInterval(() => {
      if (!popup.closed) return;
      finish();
      reject(failed('the sign-in window was closed before the sign-in finished'));
    }, 500);
    win.addEventListener('message', onMessage);
  });
}

/** What a redirect sign-in left in the app's URL when it came back (`signedIn` or `signInError`). */
export function readSignInLanding(url: string | undefined): {
  provider?: string;
  error?: string;
  cleanUrl?: string;
} {
  if (!url) return {};
  const parsed = new URL(url);
  const provider = parsed.searchParams.get('signedIn') ?? undefined;
  const error = parsed.searchParams.get('signInError') ?? undefined;
  if (!provider && !error) return {};
  parsed.searchParams.delete('signedIn');
  parsed.searchParams.delete('signInError');
  return { provider, error, cleanUrl: parsed.href };
}
