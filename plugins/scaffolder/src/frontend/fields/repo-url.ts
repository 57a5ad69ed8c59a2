/** The parts of a RepoUrlPicker value. */
export interface RepoUrlParts {
  host: string;
  owner: string;
  repo: string;
}

/**
 * Reads `"<host>?owner=<o>&repo=<r>"` into its parts (missing parts are empty).
 *
 * @example
 * parseRepoUrl('github.com?owner=acme&repo=api'); // { host: 'github.com', owner: 'acme', repo: 'api' }
 */
export function parseRepoUrl(value: unknown): RepoUrlParts {
  if (typeof value !== 'string' || value === '') return { host: '', owner: '', repo: '' };
  const [host = '', query = ''] = value.split('?', 2);
  const params = new URLSearchParams(query);
  return { host, owner: params.get('owner') ?? '', repo: params.get('repo') ?? '' };
}

/**
 * Writes the RepoUrlPicker value that `parseRepoUrl` filters and publish actions read.
 *
 * @example
 * formatRepoUrl({ host: 'github.com', owner: 'acme', repo: 'api' }); // 'github.com?owner=acme&repo=api'
 */
export function formatRepoUrl(parts: RepoUrlParts): string {
  const params = new URLSearchParams();
  if (parts.owner) params.set('owner', parts.owner);
  if (parts.repo) params.set('repo', parts.repo);
  return `${parts.host}?${params}`;
}

/**
 * Checks that a RepoUrlPicker value names a host, an owner and a repository.
 *
 * @example
 * validateRepoUrl('github.com?owner=acme'); // ['Enter the repository name']
 */
export function validateRepoUrl(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  const parts = parseRepoUrl(value);
  const problems: string[] = [];
  if (!parts.host) problems.push('Choose a host');
  if (!parts.owner) problems.push('Enter the owner (user or organisation)');
  if (!parts.repo) problems.push('Enter the repository name');
  return problems;
}
