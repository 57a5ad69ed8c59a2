const httpUrl = /^https?:\/\//i;
const withSlash = (value: string) => (value.endsWith('/') ? value : `${value}/`);

/**
 * The "edit this page" link MkDocs makes from `repo_url` and `edit_uri` (relative to the
 * repository, `edit/main/docs/` by default, or absolute; an empty one turns it off), or
 * undefined when they give no http(s) URL.
 *
 * @example
 * editUrlOf({ repoUrl: 'https://github.com/acme/shop', editUri: 'edit/main/docs/' }, 'guide/setup.md');
 * // 'https://github.com/acme/shop/edit/main/docs/guide/setup.md'
 */
export function editUrlOf(
  config: { repoUrl?: string; editUri?: string },
  sourcePath: string,
): string | undefined {
  const { repoUrl, editUri } = config;
  try {
    if (editUri && httpUrl.test(editUri)) return new URL(sourcePath, withSlash(editUri)).href;
    if (!repoUrl || !httpUrl.test(repoUrl) || editUri === '') return undefined;
    const uri = withSlash((editUri ?? 'edit/main/docs/').replace(/^\/+/, ''));
    return new URL(`${uri}${sourcePath}`, withSlash(repoUrl)).href;
  } catch {
    return undefined;
  }
}
