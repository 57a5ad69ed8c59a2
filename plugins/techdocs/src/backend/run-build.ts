import { parseEntityRef } from '@atrium/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@atrium/errors';
import { TECHDOCS_EVENT_TOPICS, type TechDocsBuiltEvent } from '../common/index.js';
import { buildSite } from './build/build-site.js';
import { resolveDocsSource } from './source/resolve-docs-source.js';
import { siteIdOf } from './store/site-store.js';
import type { TechDocsContext } from './techdocs-context.js';

/** The reader's and the static route's paths for an entity's site. */
export function sitePaths(entityRef: string): { readerBase: string; staticBase: string } {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const path = [namespace, kind, name].map(encodeURIComponent).join('/');
  return { readerBase: `/docs/${path}`, staticBase: `/api/techdocs/static/docs/${path}` };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function build(ctx: TechDocsContext, entityRef: string, log: string[], signal: AbortSignal) {
  const siteId = siteIdOf(entityRef, 'latest');
  const entity = await ctx.catalog.getEntity(entityRef, ctx.auth.getOwnServiceCredentials());
  if (!entity) throw new NotFoundError(`${entityRef} is not in the catalog`);
  const source = await resolveDocsSource(entity, ctx.urlReader);
  log.push(`Reading docs of ${entityRef} from ${source.target}`);
  const tree = await ctx.urlReader.readTree(source.target);
  const files = await tree.files();
  const result = await buildSite(
    {
      siteId,
      fallbackName: entity.metadata.title ?? entity.metadata.name,
      files,
      ...sitePaths(entityRef),
      maxAssetBytes: ctx.config.maxAssetSize,
      log: (line) => log.push(line),
      signal,
    },
    ctx.store,
  );
  log.push(...result.warnings.map((w) => `warning: ${w}`));
  return result;
}

/**
 * Builds (or rebuilds incrementally) one entity's docs: a reconciler run by the kernel's
 * work queue. Bad sources (no mkdocs.yml, broken YAML, a ref the reader may not read) end
 * the build as `failed` with the reason in its log, and are not retried until requested
 * again; a catalog that cannot be reached is retried by the queue.
 */
export async function runBuild(ctx: TechDocsContext, entityRef: string, signal: AbortSignal) {
  const siteId = siteIdOf(entityRef, 'latest');
  const log: string[] = [];
  const requestedAt = (await ctx.store.getSite(entityRef, 'latest'))?.requestedAt;
  await ctx.store.markBuilding(siteId);
  // A request that came in while this build ran must not be lost when the queue clears due_at.
  const again = async () =>
    (await ctx.store.getSite(entityRef, 'latest'))?.requestedAt !== requestedAt ? Date.now() : null;
  try {
    const result = await build(ctx, entityRef, log, signal);
    log.push('Build finished');
    await ctx.store.finishBuild(siteId, { status: 'built', ...result, log, error: null }, Date.now());
    const event: TechDocsBuiltEvent = {
      entityRef,
      updatedPages: result.updatedPages,
      removedPages: result.removedPages,
    };
    await ctx.events.publish({ topic: TECHDOCS_EVENT_TOPICS.siteBuilt, eventPayload: { ...event } });
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
    ctx.logger.warn(`docs of '${entityRef}' failed to build: ${messageOf(error)}`);
    return { dueAt: await again() };
  }
}
