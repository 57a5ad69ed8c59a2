import { fileURLToPath } from 'node:url';
import { NotFoundError } from '@atrium/errors';
import { isGlobPattern, runLimited, type UrlReaderService } from '@atrium/kernel';
import type {
  CatalogProcessorParser,
  CatalogProcessorResult,
  LocationSpec,
} from '../extensions/catalog-processor.js';
import { readerUrlOf } from './resolve-target.js';

/** What reading one file of a location gave; `T` is what the caller made of its results. */
export interface FileScope<T> {
  /** `<type>:<target>` of the file: the location key of its entities. */
  key: string;
  /** `fresh`: read and parsed; `keep`: unchanged or unreadable; `removed`: gone. */
  state: 'fresh' | 'keep' | 'removed';
  /** The etag to remember; only for files read cleanly. */
  etag?: string;
  collected?: T;
  error?: Error;
}

interface ReadOptions<T> {
  urlReader: UrlReaderService;
  parser: CatalogProcessorParser;
  /** Etags remembered from the last clean read, by file key. */
  etags: Readonly<Record<string, string>>;
  concurrency: number;
  /**
   * Turns a file's parse results into the caller's compact form right away, so a glob of
   * thousands of files never holds every parsed document in memory at once.
   */
  collect(results: CatalogProcessorResult[], location: LocationSpec): T;
  /** False when the collected results carry errors: such a file is read again next time. */
  isClean(collected: T): boolean;
}

const isGlob = (location: LocationSpec) =>
  location.type === 'file' ? isGlobPattern(location.target) : location.target.includes('*');

async function parseAll(parser: CatalogProcessorParser, data: Buffer, location: LocationSpec) {
  const results: CatalogProcessorResult[] = [];
  for await (const result of parser({ data, location })) results.push(result);
  return results;
}

async function readFile<T>(
  location: LocationSpec,
  optional: boolean,
  options: ReadOptions<T>,
): Promise<FileScope<T>> {
  const key = `${location.type}:${location.target}`;
  const known = options.etags[key];
  try {
    const response = await options.urlReader.readUrl(readerUrlOf(location), { etag: known });
    const results = await parseAll(options.parser, await response.buffer(), location);
    const collected = options.collect(results, location);
    return { key, state: 'fresh', etag: options.isClean(collected) ? response.etag : undefined, collected };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'NotModifiedError') return { key, state: 'keep', etag: known };
    // A required file that went missing is an error and keeps its entities (Backstage's rule);
    // an optional one simply has none.
    if (name === 'NotFoundError' && optional) return { key, state: 'removed' };
    const wrapped =
      name === 'NotFoundError' ? new NotFoundError(`${key} does not exist`, { cause: error }) : error;
    return { key, state: 'keep', error: wrapped as Error };
  }
}

/**
 * Reads a `file` or `url` location through the kernel's `urlReader`: one file, or every
 * file a glob matches. Files whose etag is unchanged are not read again (their entities
 * are kept), so refreshing a location of thousands of files costs a stat per file.
 *
 * @example
 * await readLocationFiles({ type: 'file', target: '/repo/systems/*.yaml' }, false, options, async (scope) => use(scope));
 */
export async function readLocationFiles<T>(
  location: LocationSpec,
  optional: boolean,
  options: ReadOptions<T>,
  onScope: (scope: FileScope<T>) => Promise<void>,
): Promise<{ errors: Error[] }> {
  if (!isGlob(location)) {
    await onScope(await readFile(location, optional, options));
    return { errors: [] };
  }
  let files: Array<{ url: string }>;
  try {
    files = (await options.urlReader.search(readerUrlOf(location))).files;
  } catch (error) {
    if ((error as Error).name === 'NotFoundError' && optional) return { errors: [] };
    return { errors: [error as Error] };
  }
  // Each file is handed over as soon as it is read, so its entities can be stored and
  // dropped from memory before the next thousand files are parsed.
  await runLimited(files, options.concurrency, async (file) => {
    const target = location.type === 'file' ? fileURLToPath(file.url) : file.url;
    await onScope(await readFile({ type: location.type, target, presence: 'optional' }, true, options));
  });
  return { errors: [] };
}
