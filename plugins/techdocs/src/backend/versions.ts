import type { GitRefs } from '@atrium/kernel';
import type { TechDocsConfig } from './config.js';

/** The version built from the source the entity's annotation names (TechDocs' unversioned paths). */
export const DEFAULT_VERSION = 'latest';

/** `v*` → /^v[^/]*$/: `*` and `?` within one ref name part, everything else literal. */
function globPattern(glob: string): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * The versions to build besides the default: `techdocs.versions.refs` as listed (a ref that
 * does not exist or is not a plain branch or tag name still gets a version, whose build
 * fails with the reader's reason), then the repository's tags matching `tags`, newest
 * first; at most `max`, no duplicates, never the default's name.
 *
 * @example
 * selectVersions({ refs: ['main'], tags: 'v*', max: 3 }, refs); // ['main', 'v2.0.0', 'v1.0.0']
 */
export function selectVersions(config: TechDocsConfig['versions'], refs: GitRefs): string[] {
  const tagPattern = config.tags ? globPattern(config.tags) : undefined;
  const matching = tagPattern ? refs.tags.filter((tag) => tagPattern.test(tag) && tag.length <= 80) : [];
  const names = [...new Set([...config.refs, ...matching])].filter((name) => name !== DEFAULT_VERSION);
  return names.slice(0, config.max);
}

/** Whether the config asks for any version besides the default. */
export const wantsVersions = (config: TechDocsConfig['versions']) =>
  config.max > 0 && (config.refs.length > 0 || config.tags !== undefined);

/** Versions in the order the reader lists them: the default first, then as the names sort, newest-looking first. */
export function sortVersions(versions: string[]): string[] {
  const others = versions
    .filter((v) => v !== DEFAULT_VERSION)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return versions.includes(DEFAULT_VERSION) ? [DEFAULT_VERSION, ...others] : others;
}
