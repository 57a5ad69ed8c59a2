import { extname } from 'node:path';

// Files of the docs folder that are published besides pages. Anything else (scripts,
// stylesheets, HTML) stays unpublished: the reader shows only sanitised pages.
const ASSET_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type a published asset is served with, or undefined for a file that is not published. */
export function assetContentType(path: string): string | undefined {
  return ASSET_TYPES[extname(path).toLowerCase()];
}
