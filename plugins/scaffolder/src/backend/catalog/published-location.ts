import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, NotAllowedError } from '@atrium/errors';
import type { RepositoryBase } from './repository-base.js';
import { resolveInsideRepository } from './repository-base.js';

/** A catalog-info file about to be registered, and the repository it must stay in. */
export interface PublishedLocation {
  /** The URL as given (for messages and the step output). */
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
 * (its path), an http(s) URL a `url` location. The repository is `repoContentsUrl`, or
 * the folder of `catalogInfoUrl`; `catalogInfoPath` may not climb out of it.
 *
 * @example
 * publishedLocation({ repoContentsUrl: 'file:///srv/git/app.git/blob/main' });
 * // location { type: 'file', target: '/srv/git/app.git/blob/main/catalog-info.yaml' }
 */
export function publishedLocation(input: {
  catalogInfoUrl?: string;
  repoContentsUrl?: string;
  catalogInfoPath?: string;
}): PublishedLocation {
  if (!input.catalogInfoUrl && !input.repoContentsUrl) {
    throw new InputError('input.catalogInfoUrl or input.repoContentsUrl is required');
  }
  const field = input.catalogInfoUrl ? 'input.catalogInfoUrl' : 'input.repoContentsUrl';
  const root = input.repoContentsUrl ? parse(input.repoContentsUrl.replace(/\/+$/, ''), field) : undefined;
  const path = (input.catalogInfoPath ?? '/catalog-info.yaml').replace(/^\/+/, '');
  const url = input.catalogInfoUrl ?? `${input.repoContentsUrl!.replace(/\/+$/, '')}/${path}`;
  const location = parse(url, field);
  const repository: RepositoryBase = root
    ? { type: root.type, base: root.type === 'file' ? root.target : `${root.target}/` }
    : {
        type: location.type,
        base: location.type === 'file' ? dirname(location.target) : new URL('./', location.target).href,
      };
  const from = repository.type === 'file' ? `${repository.base}/` : repository.base;
  if (resolveInsideRepository(repository, location.target, from) === undefined) {
    throw new NotAllowedError(
      `input.catalogInfoPath '${input.catalogInfoPath}' leads outside the repository ${input.repoContentsUrl}`,
    );
  }
  const readerUrl = location.type === 'file' ? pathToFileURL(location.target).href : location.target;
  return { url, location, readerUrl, repository };
}
