import { createHash } from 'node:crypto';
import { PayloadTooLargeError } from '@atrium/errors';
import type { SiteStore } from '../store/site-store.js';
import { assetContentType } from './asset-types.js';
import type { BuildInput, SourceFile } from './build-site.js';

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

async function readAsset(
  file: SourceFile,
  maxBytes: number,
  warnings: string[],
): Promise<Buffer | undefined> {
  try {
    const body = await file.content();
    if (body.length <= maxBytes) return body;
    warnings.push(
      `${file.path}: ${megabytes(body.length)} is over the ${megabytes(maxBytes)} limit for a file (techdocs.maxAssetSize); it was not published`,
    );
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    warnings.push(
      `${file.path}: over the size limit for reading (backend.reading.maxBytes); it was not published`,
    );
  }
  return undefined;
}

/**
 * Publishes a site's images and other allowed files, skipping unchanged ones. A file over
 * `maxAssetBytes` is a warning and is left out; the site still builds. Answers the
 * published paths with their content hashes.
 */
export async function publishAssets(
  input: BuildInput,
  store: SiteStore,
  files: SourceFile[],
  stored: ReadonlyMap<string, string>,
  warnings: string[],
): Promise<Map<string, string>> {
  const published = new Map<string, string>();
  for (const file of files) {
    input.signal?.throwIfAborted();
    const body = await readAsset(file, input.maxAssetBytes, warnings);
    if (!body) continue;
    const hash = createHash('sha256').update(body).digest('hex');
    published.set(file.path, hash);
    if (stored.get(file.path) === hash) continue;
    const contentType = assetContentType(file.path) ?? 'application/octet-stream';
    await store.putFile(input.siteId, { path: file.path, contentType, sourceHash: hash, body });
  }
  return published;
}
