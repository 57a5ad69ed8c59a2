import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { NotAllowedError, NotFoundError } from '@atrium/errors';

/**
 * Directories a plugin's trusted config makes readable, grouped by the setting that
 * grants them (shown in errors, so an operator knows what to change).
 */
export interface FileRoots {
  /** e.g. `catalog.allowedFileRoots` or `directories of catalog.locations`. */
  setting: string;
  /** Absolute, or relative to the working directory. */
  paths: readonly string[];
}

/** What the rule is built from: declared roots, and what is never readable. */
export interface FileAccessPolicy {
  roots: readonly FileRoots[];
  /** The SQLite data directory (`backend.database.connection.directory` or a file's folder). */
  databaseDirectories: readonly { path: string; setting: string }[];
  /** Every config file the backend loaded. */
  configFiles: readonly string[];
}

/** Why a path was refused, in `error.details.rule`. */
export type FileRuleViolation = 'outside-file-roots' | 'database-directory' | 'config-file' | 'git-directory';

/** True when `path` is `root` or below it (both absolute, already normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of the deepest existing ancestor, with the rest appended: paths that do not exist yet. */
async function realpathLoose(path: string): Promise<string> {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      rest.push(basename(current));
      current = parent;
    }
  }
}

function refuse(path: string, real: string, reason: string, rule: FileRuleViolation): NotAllowedError {
  const shown = real === path ? `'${path}'` : `'${path}' (which resolves to '${real}')`;
  return new NotAllowedError(`reading ${shown} is not allowed: ${reason}`, { details: { rule, path } });
}

/** The one rule for local file reads; see {@link createFileAccessRule}. */
export interface FileAccessRule {
  /** Absolute roots with the setting that grants each, deepest last. */
  readonly roots: readonly { path: string; setting: string }[];
  /** The real path of an existing, readable file or directory; NotFoundError when missing. */
  confine(path: string): Promise<string>;
  /** Applies the rule to a path that may not exist yet (its existing part is resolved). */
  check(path: string): Promise<void>;
  /** Applies the rule to a path whose real location is already known (a file inside a git repository). */
  assertReadable(path: string, real: string): Promise<void>;
  /** Whether a lexical path is never readable (for leaving it out of listings). */
  isDenied(path: string): boolean;
}

/**
 * Builds the deny-by-default rule for `file:` reads: readable only under a declared root,
 * never inside the SQLite data directory, never a loaded config file, never inside a
 * `.git` folder. Symlinks are resolved before every check.
 *
 * @example
 * const rule = createFileAccessRule({ roots: [{ setting: 'catalog.allowedFileRoots', paths: ['/srv/repos'] }], databaseDirectories: [], configFiles: [] });
 * await rule.confine('/srv/repos/app/catalog-info.yaml');
 */
export function createFileAccessRule(policy: FileAccessPolicy): FileAccessRule {
  const roots = policy.roots
    .flatMap((group) => group.paths.map((path) => ({ path: resolve(path), setting: group.setting })))
    .sort((a, b) => a.path.length - b.path.length);
  const databases = policy.databaseDirectories.map((d) => ({ ...d, path: resolve(d.path) }));
  const configFiles = policy.configFiles.map((file) => resolve(file));
  // The configured paths are resolved once: a read then costs one realpath of its own.
  const known = new Map<string, Promise<string>>();
  const realOf = (path: string) => {
    const cached = known.get(path);
    if (cached) return cached;
    const real = realpathLoose(path);
    known.set(path, real);
    return real;
  };
  const describeRoots = () => {
    if (policy.roots.length === 0) return 'none are declared';
    return policy.roots
      .map((g) => `${g.setting}: ${g.paths.map((p) => resolve(p)).join(', ') || 'none'}`)
      .join('; ');
  };

  async function assertReadable(path: string, real: string): Promise<void> {
    if ([path, real].some((p) => p.split(sep).includes('.git')))
      throw refuse(
        path,
        real,
        "it is inside a '.git' folder; only bare repositories are read, as <repository>.git/blob/<branch or tag>/<file>",
        'git-directory',
      );
    for (const database of databases) {
      const dir = await realOf(database.path);
      if (isInside(dir, real) || isInside(database.path, path))
        throw refuse(
          path,
          real,
          `it is inside the database directory '${database.path}' (${database.setting}), which is never readable`,
          'database-directory',
        );
    }
    for (const file of configFiles) {
      if (real === (await realOf(file)) || path === file)
        throw refuse(path, real, `it is the config file '${file}', which is never readable`, 'config-file');
    }
    const realRoots = await Promise.all(roots.map((root) => realOf(root.path)));
    if (!realRoots.some((root) => isInside(root, real)))
      throw refuse(
        path,
        real,
        `it is outside the readable file roots (${describeRoots()})`,
        'outside-file-roots',
      );
  }

  return {
    roots,
    async confine(path) {
      const absolute = resolve(path);
      let real: string;
      try {
        real = await realpath(absolute);
      } catch {
        // Refuse before admitting whether a forbidden file exists.
        await assertReadable(absolute, await realpathLoose(absolute));
        throw new NotFoundError(`file '${absolute}' does not exist`);
      }
      await assertReadable(absolute, real);
      return real;
    },
    async check(path) {
      const absolute = resolve(path);
      await assertReadable(absolute, await realpathLoose(absolute));
    },
    assertReadable,
    isDenied(path) {
      const absolute = resolve(path);
      return (
        absolute.split(sep).includes('.git') ||
        databases.some((d) => isInside(d.path, absolute)) ||
        configFiles.includes(absolute)
      );
    },
  };
}
