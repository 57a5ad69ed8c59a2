import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { globBaseDirectory } from '@atrium/kernel';
import { globSync } from 'tinyglobby';
import { parse, parseAllDocuments } from 'yaml';

/** One entity document read from a descriptor file, placeholders resolved. */
interface LoadedEntity {
  entity: Record<string, unknown>;
  /** Absolute path of the descriptor file. */
  file: string;
}

/** Everything reachable from a root Location file. */
export interface LocationTree {
  entities: LoadedEntity[];
  /** Descriptor files read, in visiting order. */
  files: string[];
  /** Files pulled in by `$text` / `$json` / `$yaml` placeholders. */
  placeholderFiles: string[];
  /** Parse errors, missing targets and unreadable placeholders, each naming the file. */
  problems: string[];
}

/** The files an absolute path or glob names, sorted; a plain path gives the file if it exists. */
function filesMatching(pattern: string): string[] {
  const base = globBaseDirectory(pattern);
  const relativePattern = relative(base, pattern).split(sep).join('/');
  return globSync(relativePattern, { cwd: base, absolute: true, onlyFiles: true }).sort();
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolvePlaceholders(value: unknown, baseDir: string, tree: LocationTree, file: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolvePlaceholders(item, baseDir, tree, file));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  // Catalog contract §7: an object with exactly one `$`-prefixed key is a placeholder.
  if (keys.length === 1 && keys[0]?.startsWith('$')) {
    const key = keys[0];
    const target = resolve(baseDir, String(value[key]));
    try {
      const text = readFileSync(target, 'utf8');
      tree.placeholderFiles.push(target);
      if (key === '$text') return text;
      if (key === '$json') return JSON.parse(text) as unknown;
      if (key === '$yaml') return parse(text) as unknown;
      tree.problems.push(`${file}: unknown placeholder '${key}'`);
    } catch (error) {
      tree.problems.push(`${file}: placeholder ${key} '${target}': ${(error as Error).message}`);
    }
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, baseDir, tree, file)]),
  );
}

function locationTargets(entity: Record<string, unknown>): string[] {
  const spec = isObject(entity.spec) ? entity.spec : {};
  const targets = Array.isArray(spec.targets) ? spec.targets.map(String) : [];
  return typeof spec.target === 'string' ? [spec.target, ...targets] : targets;
}

function visit(file: string, tree: LocationTree, seen: Set<string>): void {
  if (seen.has(file)) {
    tree.problems.push(`${file}: included twice (a location cycle or overlapping globs)`);
    return;
  }
  seen.add(file);
  tree.files.push(file);
  const text = readFileSync(file, 'utf8');
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) tree.problems.push(`${file}: ${error.message}`);
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isObject(value)) {
      tree.problems.push(`${file}: a document is not an object`);
      continue;
    }
    const entity = resolvePlaceholders(value, dirname(file), tree, file) as Record<string, unknown>;
    tree.entities.push({ entity, file });
    if (entity.kind !== 'Location') continue;
    for (const target of locationTargets(entity)) {
      const matches = filesMatching(resolve(dirname(file), target));
      if (matches.length === 0) tree.problems.push(`${file}: target '${target}' matches no file`);
      for (const match of matches) visit(match, tree, seen);
    }
  }
}

/**
 * Reads a root Location file the way the catalog does for `file` locations: every
 * document is an entity, Location targets are resolved against the file's directory
 * (globs expanded) and followed, and placeholders are replaced by the files they name.
 *
 * @example
 * const { entities, problems } = readLocationTree('/repo/examples/catalog/all.yaml');
 */
export function readLocationTree(rootFile: string): LocationTree {
  const tree: LocationTree = { entities: [], files: [], placeholderFiles: [], problems: [] };
  visit(resolve(rootFile), tree, new Set());
  return tree;
}
