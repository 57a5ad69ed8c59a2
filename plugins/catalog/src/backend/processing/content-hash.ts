import { createHash } from 'node:crypto';

/**
 * A short content hash for change detection (etags, result hashes).
 *
 * @example
 * contentHash('{"kind":"Component"}'); // '3b0c…' (40 hex characters)
 */
export function contentHash(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}
