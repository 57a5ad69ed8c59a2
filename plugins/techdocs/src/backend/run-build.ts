import { parseEntityRef } from '@atrium/catalog-model';
import { InputError, NotFoundError, ServiceUnavailableError } from '@atrium/errors';
import { TECHDOCS_EVENT_TOPICS, type TechDocsBuiltEvent } from '../common/index.js';
import { buildSite } from './build/build-site.js';
import { resolveDocsSource } from './source/resolve-docs-source.js';
import { siteIdOf } from './store/site-store.js';
import { syncVersions } from './sync-versions.js';
import type { TechDocsContext } from './techdocs-context.js';
import { DEFAULT_VERSION } from './versions.js';

/** The reader's and the static route's paths for an entity's site, and the query naming a version. */
export function sitePaths(
  entityRef: string,
  version = DEFAULT_VERSION,
): { readerBase: string; staticBase: string; versionQuery?: string } {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const path = [namespace, kind, name].map(encodeURIComponent).join('/');
  return {
    readerBase: `/docs/${path}`,
    staticBase: `/api/techdocs/static/docs/${path}`,
    ...(version === DEFAULT_VERSION ? {} : { versionQuery: `?version=${encodeURIComponent(version)}` }),
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Where a version's docs are: the default source's folder at the version's branch or tag. */
async function sourceAt(ctx: TechDocsContext, entityRef: string, target: string, version: string) {
  if (version === DEFAULT_VERSION) return target;
  const refs = await ctx.urlReader.gitRefs(target);
  if (!refs)
    throw new InputError(
      `version '${version}' of ${entityRef} cannot be built: its docs at ${target} are not in a local bare git repository (<repository>.git/blob/<ref>/...), so only the default version is built`,
    );
  return refs.urlAt(version);
}

async function build(
  ctx: TechDocsContext,
  site: { entityRef: string; version: string },
  log: string[],
  signal: AbortSignal,
) {
  const { entityRef, version } = site;
  const entity = await ctx.catalog.getEntity(entityRef, ctx.auth.getOwnServiceCredentials());
  if (!entity) throw new NotFoundError(`${entityRef} is not in the catalog`);
  const source = await resolveDocsSource(entity, ctx.urlReader);
  const target = await sourceAt(ctx, entityRef, source.target, version);
  log.push(
    `Reading docs of ${entityRef}${version === DEFAULT_VERSION ? '' : ` at '${version}'`} from ${target}`,
  );
  const tree = await ctx.urlReader.readTree(target);
  const files = await tree.files();
  const result = await buildSite(
    {
      siteId: siteIdOf(entityRef, version),
      fallbackName: entity.metadata.title ?? entity.metadata.name,
      files,
      ...sitePaths(entityRef, version),
      maxAssetBytes: ctx.config.maxAssetSize,
      log: (line) => log.push(line),
      signal,
    },
    ctx.store,
  );
  log.push(...result.warnings.map((w) => `warning: ${w}`));
  if (version === DEFAULT_VERSION) await syncVersions(ctx, entityRef, source.target, log);
  return result;
}

async function published(ctx: TechDocsContext, version: string, event: TechDocsBuiltEvent) {
  // Search indexes the default version only.
  if (version !== DEFAULT_VERSION) return;
  await ctx.events.publish({ topic: TECHDOCS_EVENT_TOPICS.siteBuilt, eventPayload: { ...event } });
}

/**
 * Builds (or rebuilds incrementally) one version of an entity's docs: a reconciler run by
 * the kernel's work queue. Bad sources (no mkdocs.yml, broken YAML, a ref the reader may
 * not read, a tag that does not exist) end that version's build as `failed` with the reason
 * in its log, and are not retried until requested again; other versions keep serving. A
 * catalog that cannot be reached is retried by the queue.
 */
export async function runBuild(
  ctx: TechDocsContext,
  entityRef: string,
  version: string,
  signal: AbortSignal,
) {
  const siteId = siteIdOf(entityRef, version);
  const log: string[] = [];
  const requestedAt = (await ctx.store.getSite(entityRef, version))?.requestedAt;
  await ctx.store.markBuilding(siteId);
  // A request that came in while this build ran must not be lost when the queue clears due_at.
  const again = async () =>
    (await ctx.store.getSite(entityRef, version))?.requestedAt !== requestedAt ? Date.now() : null;
  try {
    const result = await build(ctx, { entityRef, version }, log, signal);
    log.push('Build finished');
    await ctx.store.finishBuild(siteId, { status: 'built', ...result, log, error: null }, Date.now());
    const { updatedPages, removedPages } = result;
    await published(ctx, version, { entityRef, updatedPages, removedPages });
    return { dueAt: await again() };
  } catch (error) {
    if (signal.aborted) throw error;
    const unreachable = error instanceof ServiceUnavailableError;
    log.push(`error: ${messageOf(error)}`);
    await ctx.store.finishBuild(
      siteId,
      { status: unreachable ? 'pending' : 'failed', log, error: messageOf(error) },
      Date.now(),
    );
    if (unreachable) throw error;
    ctx.logger.warn(`docs of '${entityRef}' (${version}) failed to build: ${messageOf(error)}`);
    return { dueAt: await again() };
  }
}
