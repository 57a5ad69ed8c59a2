import { NotFoundError } from '@atrium/errors';
import { type RouteHandler, runAudited } from '@atrium/kernel';
import { type scorecardsApi, scorecardsPermissions } from '../../common/index.js';
import type { Access, RouteDeps } from './route-context.js';

type CollectRoute = (typeof scorecardsApi)['routes']['collectFacts'];

/**
 * `POST /facts/collect`: runs collectors now for entities the caller may read, in the
 * background (the answer says what was queued). A collector without `collect` (the catalog,
 * pushed facts) is skipped with the reason; an entity the caller may not read is refused
 * exactly like a missing one.
 */
export function collectFactsHandler(deps: RouteDeps, access: Access): RouteHandler<CollectRoute> {
  return ({ credentials, body, request }) =>
    runAudited(
      deps.auditor,
      {
        eventId: 'facts.collect',
        request,
        meta: { collectorIds: body.collectorIds, count: body.entityRefs.length },
      },
      async () => {
        await access.require(credentials, scorecardsPermissions.factCollect);
        const refs = [...new Set(body.entityRefs.map((ref) => ref.toLowerCase()))];
        const visible = await access.visible(credentials, refs);
        const missing = refs.filter((ref) => !visible.has(ref));
        if (missing.length > 0)
          throw new NotFoundError(`no entity ${missing.map((ref) => `'${ref}'`).join(', ')}`, {
            details: { entityRefs: missing },
          });
        await deps.service.requireEntities(refs);
        const queued = [];
        const skipped = [];
        for (const collectorId of new Set(body.collectorIds)) {
          const collector = deps.collectors.find((candidate) => candidate.id === collectorId);
          if (!collector)
            skipped.push({ collectorId, reason: 'no such collector; GET /fact-collectors lists them' });
          else if (!collector.collect)
            skipped.push({
              collectorId,
              reason:
                'its facts are not collected on demand (catalog facts follow the catalog; pushed facts come from CI)',
            });
          else {
            deps.service.collectFor(collector, refs).catch((error: unknown) => {
              deps.logger.warn(
                `on-demand collection by '${collectorId}' failed: ${(error as Error).message}`,
              );
            });
            queued.push({ collectorId, entityRefs: refs, jobsQueued: refs.length });
          }
        }
        return { queued, skipped };
      },
    );
}
