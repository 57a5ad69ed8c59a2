import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocationSpec } from '../extensions/catalog-processor.js';

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Resolves a target written in a descriptor (a Location's `target`, a placeholder path)
 * against the location the descriptor was read from: relative file paths against the
 * file's directory, relative URLs against the URL. A `file` target with no base resolves
 * against the working directory, as Backstage does for config locations.
 *
 * @example
 * resolveTarget('file', './api.yaml', { type: 'file', target: '/repo/catalog-info.yaml' }); // '/repo/api.yaml'
 */
export function resolveTarget(type: string, target: string, base: LocationSpec | undefined): string {
  if (type === 'file') {
    if (target.startsWith('file://')) return new URL(target).pathname;
    if (isAbsolute(target)) return resolve(target);
    if (base?.type === 'file') return resolve(dirname(base.target), target);
    return resolve(target);
  }
  if (ABSOLUTE_URL.test(target)) return target;
  if (base && base.type === type && ABSOLUTE_URL.test(base.target)) return new URL(target, base.target).href;
  return target;
}

/** The URL the kernel's `urlReader` reads for a location of type `file` or `url`. */
export function readerUrlOf(location: LocationSpec): string {
  return location.type === 'file' ? pathToFileURL(location.target).href : location.target;
}
