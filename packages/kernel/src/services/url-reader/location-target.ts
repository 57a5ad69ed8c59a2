import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '@atrium/errors';
import { isInside } from './file-access-rule.js';
import { parseGitBlobPath } from './git-blob-reader.js';

/** The part of the world a location's relative targets may reach. */
export interface LocationBase {
  /** A `file:` or http(s) URL ending in `/`: every target must start with it. */
  url: string;
  kind: 'git-repository' | 'file-root' | 'directory' | 'repository';
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function fileUrlOf(path: string, directory: boolean): string {
  const href = pathToFileURL(path).href;
  return directory && !href.endsWith('/') ? `${href}/` : href;
}

// `/<owner>/<repo>/(blob|tree|raw|src)/<ref>/` (GitHub, Gitea, Bitbucket Cloud) and GitLab's
// `/<group>/.../<repo>/-/(blob|tree|raw)/<ref>/`.
const GITLAB = /^(.*?\/-\/(?:blob|tree|raw)\/[^/]+\/)/;
const GITHUB = /^(\/[^/]+\/[^/]+\/(?:blob|tree|raw|src)\/[^/]+\/)/;
const RAW_GITHUB = /^(\/[^/]+\/[^/]+\/[^/]+\/)/;

function httpBase(url: URL): LocationBase {
  const prefix =
    GITLAB.exec(url.pathname)?.[1] ??
    GITHUB.exec(url.pathname)?.[1] ??
    (url.hostname === 'raw.githubusercontent.com' ? RAW_GITHUB.exec(url.pathname)?.[1] : undefined);
  if (prefix) return { url: `${url.origin}${prefix}`, kind: 'repository' };
  return { url: `${url.origin}${url.pathname.replace(/[^/]*$/, '')}`, kind: 'directory' };
}

function fileBase(path: string, fileRoots: readonly string[]): LocationBase {
  const blob = parseGitBlobPath(path);
  if (blob) return { url: fileUrlOf(`${blob.repository}/blob/${blob.ref}`, true), kind: 'git-repository' };
  const root = fileRoots
    .map((r) => resolve(r))
    .filter((r) => isInside(r, path))
    .sort((a, b) => b.length - a.length)[0];
  if (root) return { url: fileUrlOf(root, true), kind: 'file-root' };
  return { url: fileUrlOf(dirname(path), true), kind: 'directory' };
}

function parse(url: string, what: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new InputError(`${what} '${url}' is not an absolute URL`);
  }
}

/**
 * The base of a location: for `<repo>.git/blob/<ref>/...` the repository at that ref; for
 * another `file:` URL the deepest readable root that holds it (else its folder); for
 * http(s) a recognised repository prefix (`/<owner>/<repo>/blob/<ref>/`, GitLab's
 * `/-/blob/<ref>/`) or else the folder of the URL.
 *
 * @example
 * locationBaseOf('https://github.com/acme/app/blob/main/catalog-info.yaml', []).url; // 'https://github.com/acme/app/blob/main/'
 */
export function locationBaseOf(locationUrl: string, fileRoots: readonly string[]): LocationBase {
  const location = parse(locationUrl, 'location');
  if (location.protocol === 'file:') return fileBase(fileURLToPath(location), fileRoots);
  if (location.protocol === 'http:' || location.protocol === 'https:') return httpBase(location);
  throw new InputError(
    `cannot resolve targets against '${locationUrl}': only file and http(s) locations have a base`,
  );
}

function resolveFile(location: URL, target: string): URL {
  if (SCHEME.test(target)) return parse(target, 'target');
  const base = fileURLToPath(location);
  return new URL(pathToFileURL(isAbsolute(target) ? resolve(target) : resolve(dirname(base), target)));
}

function insideBase(resolved: URL, base: LocationBase): boolean {
  if (resolved.protocol === 'file:') {
    let path: string;
    try {
      path = fileURLToPath(resolved);
    } catch {
      return false; // encoded '/' and the like: never inside anything
    }
    return isInside(fileURLToPath(base.url).replace(/\/$/, '') || '/', path);
  }
  // A server may decode an encoded slash or backslash and climb with it.
  return resolved.href.startsWith(base.url) && !/%2f|%5c/i.test(resolved.pathname);
}

/**
 * Resolves a target written in a file read from `locationUrl` (a placeholder, a child
 * Location's target, a template's `fetch:*` URL) and refuses one that leaves the
 * location's base ({@link locationBaseOf}) or changes scheme: a file read over http(s)
 * can never name a `file:` target, and `../` cannot climb out of a repository or root.
 * Relative targets resolve against the location's folder; absolute ones must already be
 * inside the base. `fileRoots` are the readable roots (`urlReader.resolveTarget` passes them).
 *
 * @example
 * resolveLocationTarget('file:///srv/repos/app/catalog-info.yaml', './openapi.yaml', ['/srv/repos']);
 * // 'file:///srv/repos/app/openapi.yaml'
 * resolveLocationTarget('https://github.com/acme/app/blob/main/catalog-info.yaml', '../../../other/x', []);
 * // throws InputError: ... outside the base 'https://github.com/acme/app/blob/main/' ...
 */
export function resolveLocationTarget(
  locationUrl: string,
  target: string,
  fileRoots: readonly string[],
): string {
  const base = locationBaseOf(locationUrl, fileRoots);
  const location = parse(locationUrl, 'location');
  const resolved = location.protocol === 'file:' ? resolveFile(location, target) : new URL(target, location);
  if (resolved.protocol !== location.protocol) {
    throw new InputError(
      `'${target}' is a ${resolved.protocol.replace(/:$/, '')} target in a location read over ${location.protocol.replace(/:$/, '')} ('${locationUrl}'); a target must be of the same type as its location`,
      { details: { rule: 'location-scheme', target, location: locationUrl } },
    );
  }
  if (!insideBase(resolved, base)) {
    throw new InputError(
      `'${target}' resolves to '${resolved.href}', outside the base '${base.url}' of location '${locationUrl}'; a target may not leave the ${base.kind.replace('-', ' ')} it is read from`,
      { details: { rule: 'location-base', target, location: locationUrl, base: base.url } },
    );
  }
  return resolved.href;
}
