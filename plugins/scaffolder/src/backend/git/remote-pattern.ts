import { minimatch } from 'minimatch';

/** A `scaffolder.git.allowedRemotes` entry split into the parts compared one by one. */
export interface RemotePattern {
  source: string;
  scheme: string;
  /** Only for ssh: the login the remote must use (`git` in `ssh://git@host/...`). */
  user?: string;
  host: string;
  /** `''`: the scheme's default port only; `'*'`: any port. */
  port: string;
  path: string;
}

/** The remote URL parts a pattern is compared with (see {@link parseRemoteUrl}). */
export interface RemoteParts {
  scheme: string;
  user: string;
  host: string;
  port: string;
  /** Percent-decoded, `..` already resolved. */
  path: string;
}

const PATTERN = /^([a-z][a-z0-9+.-]*):\/\/(?:([^/@:]+)@)?(\[[^\]/]*\]|[^/:@]*)(?::(\*|\d+))?(\/[^#]*)?$/i;
const DEFAULT_PORTS: Record<string, string> = {
  'http:': '80',
  'https:': '443',
  'ssh:': '22',
  'git:': '9418',
};
// Globs are matched per part and never across `/` (paths) or `.` (host names).
const GLOB = { dot: true, nonegate: true, nocomment: true } as const;

/** The port as compared: empty for the scheme's default port. */
export function normalizePort(scheme: string, port: string): string {
  return DEFAULT_PORTS[scheme] === port ? '' : port;
}

/**
 * Parses an allowed-remote glob such as `https://git.example.com/acme/*` or
 * `http://127.0.0.1:*\/*`; answers `undefined` when it is not of that form (a password
 * in a pattern is refused: tokens belong in the integrations config).
 */
export function parseRemotePattern(source: string): RemotePattern | undefined {
  const match = PATTERN.exec(source);
  if (!match) return undefined;
  const [, scheme = '', user, host = '', port = '', path = '/'] = match;
  const normalizedScheme = `${scheme.toLowerCase()}:`;
  if (user !== undefined && normalizedScheme !== 'ssh:') return undefined;
  return {
    source,
    scheme: normalizedScheme,
    user,
    host: host.toLowerCase(),
    port: port === '*' ? '*' : normalizePort(normalizedScheme, port),
    path,
  };
}

function hostMatches(pattern: string, host: string): boolean {
  if (!/[*?[{]/.test(pattern)) return pattern === host;
  return minimatch(host.split('.').join('/'), pattern.split('.').join('/'), GLOB);
}

/** Whether a parsed remote URL falls under a pattern: scheme, login, host, port and path separately. */
export function remoteMatches(pattern: RemotePattern, remote: RemoteParts): boolean {
  return (
    pattern.scheme === remote.scheme &&
    (pattern.user === undefined || pattern.user === remote.user) &&
    hostMatches(pattern.host, remote.host) &&
    (pattern.port === '*' || pattern.port === remote.port) &&
    minimatch(remote.path, pattern.path, GLOB)
  );
}
