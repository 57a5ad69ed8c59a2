import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import type { LocationSpec } from '../extensions/catalog-processor.js';

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const HTTP_URL = /^https?:\/\//i;

/** The 400 for a `url` location whose target is not http(s). */
function urlNotHttp(target: string): InputError {
  return new InputError(
    `'${target}' is not an http(s) URL: locations of type 'url' are read over http(s) only; register a local file as type 'file' (under catalog.allowedFileRoots)`,
    { details: { rule: 'location-scheme', target } },
  );
}

/** The URL the kernel's `urlReader` reads for a location; `url` means http(s) only. */
export function readerUrlOf(location: LocationSpec): string {
  if (location.type === 'file') return pathToFileURL(location.target).href;
  if (location.type === 'url' && !HTTP_URL.test(location.target)) throw urlNotHttp(location.target);
  return location.target;
}

function toSpecTarget(type: string, url: string): string {
  return type === 'file' ? fileURLToPath(url) : url;
}

/**
 * Resolves a `$text`/`$json`/`$yaml` target against the location of the entity it is in:
 * the same type, and never out of that location's base (the kernel's rule).
 *
 * @example
 * resolvePlaceholderTarget(urlReader, { type: 'file', target: '/srv/repos/app/catalog-info.yaml' }, './openapi.yaml');
 * // { type: 'file', target: '/srv/repos/app/openapi.yaml' }
 */
export function resolvePlaceholderTarget(
  urlReader: UrlReaderService,
  own: LocationSpec,
  target: string,
): LocationSpec {
  const resolved = urlReader.resolveTarget(readerUrlOf(own), target);
  return { type: own.type, target: toSpecTarget(own.type, resolved) };
}

/**
 * Resolves a Location entity's target against the location of the file that names it.
 * File contents are untrusted: a `file` or `url` target must stay inside its parent's
 * base (a repository, or the readable root it was read from) and have the parent's type,
 * so a url location never yields a `file` child. An absolute http(s) target of a `url`
 * child may point anywhere `backend.reading.allow` allows, as a registration may. Config
 * and registered locations name themselves, so they are their own base. Other location
 * types are read by their processors and resolve as Backstage does.
 *
 * @example
 * resolveChildTarget(urlReader, 'file', './systems/*.yaml', { type: 'file', target: '/srv/repos/app/all.yaml' });
 * // '/srv/repos/app/systems/*.yaml'
 */
export function resolveChildTarget(
  urlReader: UrlReaderService,
  type: string,
  target: string,
  own: LocationSpec | undefined,
): string {
  if (type === 'url' && HTTP_URL.test(target)) return target;
  if (type !== 'file' && type !== 'url') {
    if (ABSOLUTE_URL.test(target)) return target;
    if (own && own.type === type && ABSOLUTE_URL.test(own.target)) return new URL(target, own.target).href;
    return target;
  }
  if (!own || own.type !== type) {
    const from = own
      ? `a '${own.type}' location (${own.type}:${own.target})`
      : 'an entity without a location';
    throw new InputError(
      `a Location target of type '${type}' ('${target}') cannot come from ${from}: a location may only name targets of its own type${type === 'file' ? "; register local files as type 'file' under catalog.allowedFileRoots" : ''}`,
      { details: { rule: 'location-scheme', target } },
    );
  }
  return toSpecTarget(type, urlReader.resolveTarget(readerUrlOf(own), target));
}
