import { InputError, NotAllowedError } from '@atrium/errors';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// An encoded separator survives URL resolution as part of one segment, and a server
// that decodes it would climb out after the check.
const ENCODED_SEPARATOR = /%2f|%5c/i;

/** True when `url` is the directory `base` (ending in `/`) or lies below it, on the same origin. */
function isInside(url: URL, base: URL): boolean {
  return (
    url.protocol === base.protocol &&
    url.host === base.host &&
    (url.pathname === base.pathname.replace(/\/$/, '') || url.pathname.startsWith(base.pathname)) &&
    !ENCODED_SEPARATOR.test(url.pathname)
  );
}

function outside(field: string, url: string, base: string | undefined): NotAllowedError {
  return new NotAllowedError(
    `${field} '${url}' leads outside the template's location (${base ?? 'none: the template has no base URL'}); fetch actions read only files beside the template, or http(s) URLs the URL reader allows`,
  );
}

/**
 * Resolves a fetch action's `url` input against the template's base URL (the directory of
 * the template's location) and refuses what leads outside that directory: `..`, also
 * percent-encoded, absolute paths, `file:` URLs elsewhere. An absolute http(s) URL is
 * left to the URL reader's allow-list (`backend.reading.allow`), as in Backstage. The one
 * place that decides what a template may fetch.
 *
 * @example
 * resolveTemplateUrl('./skeleton', 'file:///srv/t/node/', 'input.url'); // 'file:///srv/t/node/skeleton'
 * resolveTemplateUrl('../../etc', 'file:///srv/t/node/', 'input.url'); // throws NotAllowedError
 */
export function resolveTemplateUrl(url: string, baseUrl: string | undefined, field: string): string {
  const absolute = HAS_SCHEME.test(url);
  if (!absolute && !baseUrl) {
    throw new InputError(
      `${field} '${url}' is relative, but the template has no base URL (its backstage.io/managed-by-location annotation); use an absolute URL`,
    );
  }
  let resolved: URL;
  try {
    resolved = new URL(url, baseUrl);
  } catch {
    throw new InputError(`${field} '${url}' is not a valid URL or path`);
  }
  const base = baseUrl ? new URL(baseUrl) : undefined;
  if (base && isInside(resolved, base)) return resolved.href;
  const isHttp = resolved.protocol === 'http:' || resolved.protocol === 'https:';
  if (absolute && isHttp) return resolved.href;
  if (absolute && !isHttp && resolved.protocol !== 'file:') {
    throw new InputError(
      `${field} '${url}' may not use ${resolved.protocol} (file, http and https are read)`,
    );
  }
  throw outside(field, url, baseUrl);
}
