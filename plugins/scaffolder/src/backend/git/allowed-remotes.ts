import { InputError, NotAllowedError } from '@atrium/errors';

const PROTOCOLS = ['file:', 'http:', 'https:', 'ssh:', 'git:'];

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A remote URL without its password, for messages. */
export function displayRemote(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * Normalises a remote URL (so `..` segments cannot dodge a pattern) and checks it against
 * `scaffolder.git.allowedRemotes` globs (`*` within one path segment or port, `**` across).
 *
 * @example
 * assertAllowedRemote('file:///srv/git/app.git', ['file:///srv/git/*']); // 'file:///srv/git/app.git'
 */
export function assertAllowedRemote(remoteUrl: string, patterns: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(remoteUrl);
  } catch {
    throw new InputError(
      `input.remoteUrl '${remoteUrl}' is not a URL; use e.g. file:///srv/git/app.git or https://host/org/app.git`,
    );
  }
  if (!PROTOCOLS.includes(parsed.protocol)) {
    throw new InputError(
      `input.remoteUrl uses protocol '${parsed.protocol}'; publish:git supports ${PROTOCOLS.join(', ')}`,
    );
  }
  const normalized = parsed.href;
  const withoutUser = new URL(normalized);
  withoutUser.username = '';
  withoutUser.password = '';
  if (!patterns.some((p) => globToRegExp(p).test(normalized) || globToRegExp(p).test(withoutUser.href))) {
    const allowed =
      patterns.length > 0 ? patterns.map((p) => `'${p}'`).join(', ') : 'none: the list is empty';
    throw new NotAllowedError(
      `publish:git may not push to '${displayRemote(normalized)}': it matches no pattern of scaffolder.git.allowedRemotes (${allowed}); add a matching glob such as 'file:///srv/git/*' to the config`,
    );
  }
  return normalized;
}
