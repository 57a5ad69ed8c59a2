import { createHash } from 'node:crypto';
import type { AuthProviderReply as FastifyReply } from '../auth-provider.js';

/** What the popup tells the app window (Backstage's popup does the same with its own shape). */
export type SignInResultMessage =
  | { type: 'atrium-sign-in'; provider: string; ok: true }
  | { type: 'atrium-sign-in'; provider: string; ok: false; error: { name: string; message: string } };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that cannot end the script element or break a JavaScript string. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Answers the popup's callback with a page that posts the result to the window that
 * opened it, at the app's origin only (no other window can read it), and closes. The
 * inline script is allowed by its hash alone.
 */
export function sendPopupResult(
  reply: FastifyReply,
  appOrigin: string,
  message: SignInResultMessage,
): FastifyReply {
  const text = message.ok
    ? 'Signed in. You can close this window.'
    : `Sign-in failed: ${message.error.message}`;
  const script = `(function(){var d=${scriptJson({ message, origin: appOrigin })};if(window.opener){window.opener.postMessage(d.message,d.origin);window.close();}})();`;
  const hash = createHash('sha256').update(script).digest('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in</title></head><body><p>${escapeHtml(text)}</p><script>${script}</script></body></html>`;
  return (
    reply
      .code(message.ok ? 200 : 403)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        `default-src 'none'; script-src 'sha256-${hash}'; frame-ancestors 'none'`,
      )
      // The popup must keep its opener: an identity provider's page in between may have set a stricter policy.
      .header('cross-origin-opener-policy', 'unsafe-none')
      .send(html)
  );
}

/** A callback that cannot be tied to a sign-in (no or unknown state): a plain page, nothing posted. */
export function sendCallbackError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in failed</title></head><body><h1>Sign-in failed</h1><p>${escapeHtml(message)}</p><p>Close this window and sign in again.</p></body></html>`,
    );
}
