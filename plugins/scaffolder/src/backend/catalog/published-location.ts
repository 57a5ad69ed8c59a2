import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, NotAllowedError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import { publishedRepository, type RepositoryBase, resolveInsideRepository } from './repository-base.js';

/** A catalog-info file about to be registered, and the repository it must stay in. */
export interface PublishedLocation {
  /** The file's URL (for messages and the step output). */
  url: string;
  /** What `POST /locations` receives: a `file` path for file: URLs, else a `url`. */
  location: { type: 'file' | 'url'; target: string };
  /** What the URL reader reads. */
  readerUrl: string;
  repository: RepositoryBase;
}

function parse(url: string, field: string): { type: 'file' | 'url'; target: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${field} '${url}' is not a URL; use the output of publish:git (repoContentsUrl)`);
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:')
    return { type: 'url', target: parsed.href };
  if (parsed.protocol !== 'file:') {
    throw new InputError(
      `${field} '${url}' uses ${parsed.protocol}; catalog:register reads file: and http(s) URLs`,
    );
  }
  try {
    return { type: 'file', target: fileURLToPath(parsed) };
  } catch (error) {
    throw new InputError(`${field} '${url}' is not a valid file URL: ${(error as Error).message}`);
  }
}

/**
 * Works out what `catalog:register` registers: a `file:` URL becomes a `file` location
 * (its path), an http(s) URL a `url` location. The repository is the base the kernel's
 * rule gives the file's location (for publish:git's `repoContentsUrl`, the bare
 * repository at its branch); `catalogInfoPath` resolves from the repository's top and
 * may not climb out of it.
 *
 * @example
 * publishedLocation(urlReader, { repoContentsUrl: 'file:///srv/git/app.git/blob/main' });
 * // location { type: 'file', target: '/srv/git/app.git/blob/main/catalog-info.yaml' }
 */
export function publishedLocation(
  urlReader: Pick<UrlReaderService, 'resolveTarget'>,
  input: { catalogInfoUrl?: string; repoContentsUrl?: string; catalogInfoPath?: string },
): PublishedLocation {
  if (!input.catalogInfoUrl && !input.repoContentsUrl) {
    throw new InputError('input.catalogInfoUrl or input.repoContentsUrl is required');
  }
  const field = input.catalogInfoUrl ? 'input.catalogInfoUrl' : 'input.repoContentsUrl';
  const root = input.repoContentsUrl?.replace(/\/+$/, '');
  const type = parse(input.catalogInfoUrl ?? root!, field).type;
  const label = root ?? new URL('./', input.catalogInfoUrl).href;
  const repository = publishedRepository(urlReader, type, label);
  let url = input.catalogInfoUrl;
  if (!url) {
    const path = (input.catalogInfoPath ?? '/catalog-info.yaml').replace(/^\/+/, '');
    // Relative to a file at the repository's top: the default catalog-info.yaml.
    url = resolveInsideRepository(repository, path, `${root}/catalog-info.yaml`);
    if (url === undefined) {
      throw new NotAllowedError(
        `input.catalogInfoPath '${input.catalogInfoPath}' leads outside the repository ${input.repoContentsUrl}`,
      );
    }
  }
  const location = parse(url, field);
  const readerUrl = location.type === 'file' ? pathToFileURL(location.target).href : location.target;
  return { url, location, readerUrl, repository };
}
