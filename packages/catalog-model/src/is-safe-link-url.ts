/** Options of {@link isSafeLinkUrl}. */
export type SafeLinkUrlOptions = {
  /** Also accept relative URLs (`/catalog`, `docs/x`), which resolve against the page's own origin. */
  allowRelative?: boolean;
};

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Any http(s) origin works as a base; it only lets relative URLs parse.
const RELATIVE_BASE = 'https://relative.invalid/';

/**
 * True when a URL is safe to put in an `href`: `http:`, `https:` or `mailto:` only, so
 * `javascript:`, `data:`, `vbscript:` and the like are rejected. The check parses the URL
 * the way browsers do (WHATWG URL), so case tricks (`JaVaScRiPt:`), leading control
 * characters and spaces, and tabs or newlines inside the scheme are all seen through.
 *
 * @example
 * isSafeLinkUrl('https://example.com'); // true
 * isSafeLinkUrl(' java\tscript:alert(1)'); // false
 */
export function isSafeLinkUrl(url: unknown, options: SafeLinkUrlOptions = {}): boolean {
  if (typeof url !== 'string' || url.trim() === '') return false;
  try {
    const parsed = options.allowRelative ? new URL(url, RELATIVE_BASE) : new URL(url);
    return SAFE_PROTOCOLS.has(parsed.protocol);
  } catch {
    return false;
  }
}
