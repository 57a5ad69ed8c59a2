import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';

// Backstage location targets use globs such as `./systems/*.yaml`; Node 20 has no stable
// fs.glob, and the tests and the generator only need `*`, `?` and `**` in path segments.
function segmentPattern(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

const isGlob = (segment: string) => /[*?]/.test(segment);

function walk(base: string, segments: readonly string[], out: string[]): void {
  const [head, ...rest] = segments;
  if (head === undefined) {
    if (existsSync(base) && statSync(base).isFile()) out.push(base);
    return;
  }
  if (head === '**') {
    walk(base, rest, out);
    for (const entry of listDirectory(base)) {
      const full = join(base, entry);
      if (statSync(full).isDirectory()) walk(full, segments, out);
    }
    return;
  }
  if (!isGlob(head)) {
    walk(join(base, head), rest, out);
    return;
  }
  const pattern = segmentPattern(head);
  for (const entry of listDirectory(base)) if (pattern.test(entry)) walk(join(base, entry), rest, out);
}

function listDirectory(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir).sort();
}

/**
 * Lists the files matching an absolute path pattern with `*`, `?` (within one segment)
 * and `**` (any depth), sorted and without duplicates. A pattern without wildcards
 * returns the file itself when it exists.
 *
 * @example
 * expandGlob('/repo/examples/catalog/systems/*.yaml'); // ['/repo/.../checkout.yaml', ...]
 */
export function expandGlob(pattern: string): string[] {
  if (!isAbsolute(pattern)) throw new Error(`expandGlob needs an absolute pattern, got '${pattern}'`);
  const [root = '', ...segments] = pattern.split(sep);
  const out: string[] = [];
  walk(root === '' ? sep : root, segments, out);
  return [...new Set(out)].sort();
}
