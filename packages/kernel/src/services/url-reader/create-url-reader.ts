import { InputError, NotImplementedError } from '@atrium/errors';
import { durationToMs } from '../scheduler/duration.js';
import { createFileAccessRule, type FileAccessPolicy } from './file-access-rule.js';
import { createFileReader } from './file-reader.js';
import { assertAllowedUrl, createHttpReader } from './http-reader.js';
import { resolveLocationTarget } from './location-target.js';
import type { ReadingConfig } from './reading-config.js';
import type { UrlReaderService } from './url-reader-service.js';

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    throw new InputError(`'${url}' is not an absolute URL`);
  }
}

function unsupported(url: string, protocol: string): InputError {
  return new InputError(
    `cannot read '${url}': unsupported protocol '${protocol}' (file, http and https are supported)`,
  );
}

/**
 * Creates the URL reader from `backend.reading` and the file policy the kernel builds from
 * the plugins' declared roots, the database directory and the config files.
 *
 * @example
 * const reader = createUrlReader(readingConfigSchema.parse({ allow: [{ host: 'example.com' }] }), {
 *   roots: [{ setting: 'catalog.allowedFileRoots', paths: ['/srv/repos'] }],
 *   databaseDirectories: [{ path: './data', setting: 'backend.database.connection.directory' }],
 *   configFiles: ['/srv/atrium/app-config.yaml'],
 * });
 */
export function createUrlReader(config: ReadingConfig, policy: FileAccessPolicy): UrlReaderService {
  const rule = createFileAccessRule(policy);
  const rootPaths = rule.roots.map((root) => root.path);
  const files = createFileReader(rule, config.maxBytes);
  const http = createHttpReader(config.allow, config.maxBytes, durationToMs(config.timeout));
  return {
    async readUrl(url, options) {
      const protocol = protocolOf(url);
      if (protocol === 'file:') return files.readUrl(url, options?.etag, options?.maxBytes);
      if (protocol === 'http:' || protocol === 'https:') return http.readUrl(url, options);
      throw unsupported(url, protocol);
    },
    async readTree(url) {
      if (protocolOf(url) !== 'file:')
        throw new NotImplementedError(`reading a tree from '${url}' is supported for file: URLs only`);
      return files.readTree(url);
    },
    async gitRefs(url) {
      return protocolOf(url) === 'file:' ? files.gitRefs(url) : undefined;
    },
    async search(url) {
      if (protocolOf(url) !== 'file:')
        throw new NotImplementedError(`searching '${url}' is supported for file: URLs only`);
      return files.search(url);
    },
    async check(url) {
      const protocol = protocolOf(url);
      if (protocol === 'file:') return files.check(url);
      if (protocol === 'http:' || protocol === 'https:') return assertAllowedUrl(new URL(url), config.allow);
      throw unsupported(url, protocol);
    },
    resolveTarget: (locationUrl, target) => resolveLocationTarget(locationUrl, target, rootPaths),
  };
}
