import type { TechDocsContext } from './techdocs-context.js';
import { DEFAULT_VERSION, selectVersions, wantsVersions } from './versions.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function wantedVersions(ctx: TechDocsContext, target: string, log: string[]) {
  if (!wantsVersions(ctx.config.versions)) return { wanted: [], branches: [] };
  const refs = await ctx.urlReader.gitRefs(target);
  if (!refs) {
    log.push(
      'warning: techdocs.versions is set, but these docs are not read from a local bare git repository; only the default version is built',
    );
    return { wanted: [], branches: [] };
  }
  return { wanted: selectVersions(ctx.config.versions, refs), branches: refs.branches };
}

/**
 * After the default version built: makes the configured versions' builds due (a new one,
 * a branch, which moves, or one that failed; a built tag is rebuilt when someone syncs it)
 * and removes the versions no longer configured or no longer tagged. A problem here is a
 * warning in the default build's log, never a failed default build.
 */
export async function syncVersions(
  ctx: TechDocsContext,
  entityRef: string,
  target: string,
  log: string[],
): Promise<void> {
  try {
    const { wanted, branches } = await wantedVersions(ctx, target, log);
    const existing = (await ctx.store.sitesOf(entityRef)).filter((s) => s.version !== DEFAULT_VERSION);
    for (const site of existing) if (!wanted.includes(site.version)) await ctx.store.removeSite(site.id);
    for (const version of wanted) {
      const site = existing.find((s) => s.version === version);
      if (!site || site.status === 'failed' || branches.includes(version))
        await ctx.requestBuild(entityRef, version);
    }
    if (wanted.length > 0) log.push(`Versions: ${wanted.join(', ')}`);
  } catch (error) {
    log.push(`warning: the versions of ${entityRef} could not be listed: ${messageOf(error)}`);
  }
}
