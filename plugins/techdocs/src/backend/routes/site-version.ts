import { NotFoundError } from '@atrium/errors';
import type { StoredSite } from '../store/site-store.js';
import type { TechDocsContext } from '../techdocs-context.js';
import { DEFAULT_VERSION, sortVersions } from '../versions.js';

/**
 * The site of the version a route's `?version=` names (the default when absent). Only
 * versions the config made exist are answered: a request never creates a version, so a
 * caller cannot make the backend read arbitrary refs.
 */
export async function siteOfVersion(
  ctx: TechDocsContext,
  docsRef: string,
  version: string | undefined,
): Promise<StoredSite | undefined> {
  const site = await ctx.store.getSite(docsRef, version ?? DEFAULT_VERSION);
  if (site || version === undefined || version === DEFAULT_VERSION) return site;
  const versions = sortVersions(await ctx.store.versionsOf(docsRef));
  throw new NotFoundError(
    `the docs of '${docsRef}' have no version '${version}'; built versions: ${versions.join(', ') || 'none'}`,
  );
}
