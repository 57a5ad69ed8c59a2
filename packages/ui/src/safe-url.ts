/** How a link target is rendered: inside the app, in a new tab, as mail, or not at all. */
export type UrlKind = 'internal' | 'external' | 'mail' | 'unsafe';

// Parsing against a base that cannot occur in real links tells relative links (same
// origin as the base) from absolute ones; the URL parser also strips the control
// characters and whitespace that `java\tscript:` style tricks rely on.
const probeBase = 'http://atrium-link-probe.invalid';
const probeOrigin = new URL(probeBase).origin;

/**
 * Classifies a link target. Only relative paths, http(s) and mailto are safe; anything
 * else (`javascript:`, `data:`, `vbscript:`, unparsable text) is `unsafe`.
 *
 * @example
 * classifyUrl('javascript:alert(1)'); // 'unsafe'
 */
export function classifyUrl(url: string): UrlKind {
  let parsed: URL;
  try {
    parsed = new URL(url, probeBase);
  } catch {
    return 'unsafe';
  }
  if (parsed.origin === probeOrigin && parsed.protocol === 'http:') return 'internal';
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return 'external';
  if (parsed.protocol === 'mailto:') return 'mail';
  return 'unsafe';
}

/** True when {@link classifyUrl} allows the URL to become a link. */
export function isSafeUrl(url: string): boolean {
  return classifyUrl(url) !== 'unsafe';
}
