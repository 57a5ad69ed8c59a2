import { InputError, NotAllowedError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The part of the URL reader this needs: the kernel's rule for targets read from a location. */
export type TargetResolver = Pick<UrlReaderService, 'resolveTarget'>;

function outside(field: string, url: string, baseUrl: string | undefined, base?: unknown): NotAllowedError {
  const where = !baseUrl
    ? 'the template has no base URL'
    : typeof base === 'string'
      ? `the template at '${baseUrl}' may read inside '${base}'`
      : `the template at '${baseUrl}' may not name another kind of URL`;
  return new NotAllowedError(
    `${field} '${url}' leads outside the template's location (${where}); a fetch reads the template's own repository or readable root, or an http(s) URL that backend.reading.allow allows`,
    { details: { field, url, ...(baseUrl ? { location: baseUrl } : {}) } },
  );
}

// Tasks created before `baseUrl` named the template file stored its folder (ending in
// `/`): a file in that folder stands for the template, so targets resolve beside it.
function locationOf(baseUrl: string): string {
  return baseUrl.endsWith('/') ? new URL('template.yaml', baseUrl).href : baseUrl;
}

/**
 * Resolves a fetch action's `url` input against the template's location
 * (`templateInfo.baseUrl`, the template file's URL) by the kernel's rule
 * (`urlReader.resolveTarget`): a relative or `file:` URL may not leave the location's
 * base (the bare repository at its ref, the readable root holding the template, the
 * repository of an http(s) template) nor change scheme. An absolute http(s) URL is left
 * to the URL reader's allow-list (`backend.reading.allow`), as in Backstage.
 *
 * @example
 * resolveTemplateUrl(urlReader, './skeleton', 'file:///srv/t/node/template.yaml', 'input.url'); // 'file:///srv/t/node/skeleton'
 * resolveTemplateUrl(urlReader, '../../etc', 'file:///srv/t/node/template.yaml', 'input.url'); // throws NotAllowedError
 */
export function resolveTemplateUrl(
  resolver: TargetResolver,
  url: string,
  baseUrl: string | undefined,
  field: string,
): string {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      return new URL(url).href;
    } catch {
      throw new InputError(`${field} '${url}' is not a valid URL`);
    }
  }
  if (scheme !== undefined && scheme !== 'file') {
    throw new InputError(`${field} '${url}' may not use ${scheme}: (file, http and https are read)`);
  }
  if (!baseUrl) {
    if (scheme === 'file') throw outside(field, url, baseUrl);
    throw new InputError(
      `${field} '${url}' is relative, but the template has no base URL (its backstage.io/managed-by-location annotation); use an absolute URL`,
    );
  }
  try {
    return resolver.resolveTarget(locationOf(baseUrl), url);
  } catch (error) {
    const details = (error as InputError).details;
    if (details?.rule === 'location-base' || details?.rule === 'location-scheme') {
      throw outside(field, url, baseUrl, details.base);
    }
    throw new InputError(
      `${field} '${url}' cannot be resolved against '${baseUrl}': ${(error as Error).message}`,
    );
  }
}
