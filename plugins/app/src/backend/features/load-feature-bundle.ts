import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AtriumError } from '@atrium/errors';
import { appErrorCodes } from '../app-error-codes.js';
import type { SharedModuleUrls } from './read-shared-modules.js';
import type { FeaturePackage } from './resolve-feature-package.js';
import { rewriteSharedImports } from './rewrite-shared-imports.js';

/** One file of a served bundle, held in memory so its URL always answers the same bytes. */
interface FeatureBundleFile {
  body: Buffer;
  /** Precompressed, for files worth it. */
  gzip?: Buffer;
  type: string;
}

/** A frontend feature bundle ready to serve. */
export interface LoadedFeatureBundle {
  name: string;
  /** `/assets/features/<package>-<content hash>/`: a new build gets a new URL. */
  basePath: string;
  entryUrl: string;
  /** Subresource integrity of the entry module, for its modulepreload link. */
  integrity: string;
  /** By path relative to `basePath`. */
  files: ReadonlyMap<string, FeatureBundleFile>;
}

const MAX_BYTES = 50 * 1024 * 1024;
const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// Regular files only: a symbolic link could point anywhere (recursive readdir does not follow one).
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function readBundleFiles(pkg: FeaturePackage, shared: SharedModuleUrls) {
  const dir = dirname(pkg.entry);
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const path of listFiles(dir).sort()) {
    const file = relative(dir, path).split(sep).join('/');
    let body = readFileSync(path);
    if (/\.m?js$/.test(file)) {
      const source = body.toString('utf8');
      body = Buffer.from(await rewriteSharedImports(source, { feature: pkg.name, file, shared }));
    }
    total += body.length;
    if (total > MAX_BYTES) {
      throw new AtriumError(
        appErrorCodes.APP_FEATURE_BUNDLE_TOO_LARGE,
        `feature '${pkg.spec}': the bundle folder ${dir} holds more than ${MAX_BYTES / 1024 / 1024} MB; it should hold only the built bundle`,
      );
    }
    files.set(file, body);
  }
  return files;
}

/**
 * Reads a feature's bundle folder into memory, with its imports of shared modules pointed
 * at the web app's, under a URL named after its content: immutable, so browsers cache it
 * for good and a rebuild is fetched anew after a restart.
 */
export async function loadFeatureBundle(
  pkg: FeaturePackage,
  shared: SharedModuleUrls,
): Promise<LoadedFeatureBundle> {
  const contents = await readBundleFiles(pkg, shared);
  const hash = createHash('sha256');
  for (const [file, body] of contents) hash.update(`${file}\0`).update(body).update('\0');
  const slug = pkg.name.replace(/^@/, '').replace(/[^a-z0-9-]+/gi, '-');
  const basePath = `/assets/features/${slug}-${hash.digest('hex').slice(0, 16)}/`;
  const entryFile = relative(dirname(pkg.entry), pkg.entry).split(sep).join('/');
  const files = new Map<string, FeatureBundleFile>();
  for (const [file, body] of contents) {
    const type = types[extname(file)] ?? 'application/octet-stream';
    const gzip = body.length >= 1024 && /text|json|svg/.test(type) ? gzipSync(body) : undefined;
    files.set(file, { body, type, gzip });
  }
  const entry = contents.get(entryFile) ?? Buffer.alloc(0);
  return {
    name: pkg.name,
    basePath,
    entryUrl: `${basePath}${entryFile}`,
    integrity: `sha384-${createHash('sha384').update(entry).digest('base64')}`,
    files,
  };
}
