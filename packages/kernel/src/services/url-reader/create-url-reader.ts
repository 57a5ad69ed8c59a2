import { InputError, NotImplementedError } from '@atrium/errors';
import { durationToMs } from '../scheduler/duration.js';
import { createFileReader } from './file-reader.js';
import { createHttpReader } from './http-reader.js';
import type { ReadingConfig } from './reading-config.js';
import type { UrlReaderService } from './url-reader-service.js';

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    throw new InputError(`'${url}' is not an absolute URL`);
  }
}

/**
 * Creates the URL reader from `backend.reading`.
 *
 * @example
 * const reader = createUrlReader(readingConfigSchema.parse({ allow: [{ host: 'example.com' }] }), [process.cwd()]);
 */
export function createUrlReader(config: ReadingConfig, defaultRoots: readonly string[]): UrlReaderService {
  const files = createFileReader(config.fileRoots ?? [...new Set(defaultRoots)], config.maxBytes);
  const http = createHttpReader(config.allow, config.maxBytes, durationToMs(config.timeout));
  return {
    async readUrl(url, options) {
      const protocol = protocolOf(url);
      if (protocol === 'file:') return files.readUrl(url, options?.etag);
      if (protocol === 'http:' || protocol === 'https:') return http.readUrl(url, options);
      throw new InputError(
        `cannot read '${url}': unsupported protocol '${protocol}' (file, http and https are supported)`,
      );
    },
    async readTree(url) {
      if (protocolOf(url) !== 'file:')
        throw new NotImplementedError(`reading a tree from '${url}' is supported for file: URLs only`);
      return files.readTree(url);
    },
    async search(url) {
      if (protocolOf(url) !== 'file:')
        throw new NotImplementedError(`searching '${url}' is supported for file: URLs only`);
      return files.search(url);
    },
  };
}
