import { InputError, NotAllowedError } from '@atrium/errors';
import { normalizePort, parseRemotePattern, type RemoteParts, remoteMatches } from './remote-pattern.js';

const PROTOCOLS = ['file:', 'http:', 'https:', 'ssh:', 'git:'];
const PLAIN_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?)?$/i;
const PLAIN_USER = /^([a-z0-9_][a-z0-9_.-]*)?$/i;

/** A remote URL without its credentials, for messages. */
export function displayRemote(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username) parsed.username = '***';
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
}

function parseUrl(remoteUrl: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(remoteUrl);
  } catch {
    throw new InputError(
      `input.remoteUrl '${displayRemote(remoteUrl)}' is not a URL; use e.g. file:///srv/git/app.git or https://host/org/app.git`,
    );
  }
  if (!PROTOCOLS.includes(parsed.protocol)) {
    throw new InputError(
      `input.remoteUrl uses protocol '${parsed.protocol}'; publish:git supports ${PROTOCOLS.join(', ')}`,
    );
  }
  // Credentials in the URL would reach git and its error output, and a userinfo part is
  // how `http://allowed:x@other/` dressed another host as an allowed one.
  if (parsed.password || (parsed.username && parsed.protocol !== 'ssh:')) {
    throw new InputError(
      `input.remoteUrl '${displayRemote(remoteUrl)}' carries credentials; give the remote without them and configure the token in the integrations config`,
    );
  }
  if (parsed.search || parsed.hash) {
    throw new InputError(`input.remoteUrl '${displayRemote(remoteUrl)}' may not have a query or a fragment`);
  }
  return parsed;
}

// The URL parser already resolved `.`/`..` (also as %2e) and default ports of http(s);
// what is left to normalise is case, git's and ssh's default ports and escapes in the path.
function partsOf(parsed: URL, shown: string): RemoteParts {
  const segments = parsed.pathname.split('/').map((segment) => {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = undefined;
    }
    if (decoded === undefined || /[/\\\0]/.test(decoded) || decoded === '.' || decoded === '..') {
      throw new InputError(
        `input.remoteUrl '${shown}' has a path segment '${segment}' that is not a plain name (an encoded '/', '\\', NUL or dot segment)`,
      );
    }
    return decoded;
  });
  // git hands ssh hosts and logins to ssh: one starting with '-' would be read as an option.
  if (!PLAIN_HOST.test(parsed.hostname) || !PLAIN_USER.test(parsed.username)) {
    throw new InputError(`input.remoteUrl '${shown}' has a host or login that is not a plain name`);
  }
  return {
    scheme: parsed.protocol,
    user: parsed.username,
    host: parsed.hostname.toLowerCase(),
    port: normalizePort(parsed.protocol, parsed.port),
    path: segments.join('/'),
  };
}

/**
 * Checks a remote URL against `scaffolder.git.allowedRemotes` and answers the normalised
 * URL to push to. Scheme, host, port and path are compared separately (a glob `*` never
 * matches across `/` in the path or `.` in the host; `**` spans path segments), after
 * the URL is normalised; credentials in the URL are refused.
 *
 * @example
 * assertAllowedRemote('file:///srv/git/app.git', ['file:///srv/git/*']); // 'file:///srv/git/app.git'
 */
export function assertAllowedRemote(remoteUrl: string, patterns: readonly string[]): string {
  const parsed = parseUrl(remoteUrl);
  const shown = displayRemote(parsed.href);
  const parts = partsOf(parsed, shown);
  const allowed = patterns.some((source) => {
    const pattern = parseRemotePattern(source);
    return pattern !== undefined && remoteMatches(pattern, parts);
  });
  if (!allowed) {
    const listed = patterns.length > 0 ? patterns.map((p) => `'${p}'`).join(', ') : 'none: the list is empty';
    throw new NotAllowedError(
      `publish:git may not push to '${shown}': it matches no pattern of scaffolder.git.allowedRemotes (${listed}); add a matching glob such as 'file:///srv/git/*' to the config`,
    );
  }
  return parsed.href;
}
