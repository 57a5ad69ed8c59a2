import { NotAllowedError, NotFoundError } from '@atrium/errors';
import { type Credentials, type RouteHandlers, runAudited } from '@atrium/kernel';
import { type scorecardsApi, scorecardsPermissions } from '../../common/index.js';
import type { HistoryFilter } from '../store/history-store.js';
import { campaignProgress } from './campaign-progress.js';
import { keepReadable, readableOf } from './read-scope.js';
import { type Access, actorOf, type RouteDeps } from './route-context.js';
import { teamOwners } from './team-owners.js';

type Routes = (typeof scorecardsApi)['routes'];
type InsightHandlers = Pick<
  RouteHandlers<Routes>,
  | 'listExemptions'
  | 'requestExemption'
  | 'approveExemption'
  | 'revokeExemption'
  | 'restoreExemption'
  | 'getHistory'
  | 'getChanges'
  | 'getTrends'
  | 'getOverview'
  | 'getTeamGrid'
  | 'getCampaignProgress'
  | 'getAccess'
>;

/** Readable entities few enough to read their certifications by key. */
const SMALL_SCOPE = 5000;

type HistoryQuery = { entityRef?: string; checkId?: string; trackId?: string; ownerRef?: string };

function insightRoutesHelpers(deps: RouteDeps, access: Access) {
  const { registry } = deps;
  const read = (credentials: Credentials) => access.require(credentials, scorecardsPermissions.read);

  async function trackCheckIds(trackId: string): Promise<string[]> {
    const snapshot = await registry.snapshot();
    const track = [...snapshot.tracks, ...snapshot.campaigns].find((candidate) => candidate.id === trackId);
    if (!track) throw new NotFoundError(`no track or campaign '${trackId}'`);
    return track.levels.flatMap((level) => level.checks.map((check) => check.id));
  }
  async function historyFilter(credentials: Credentials, query: HistoryQuery): Promise<HistoryFilter> {
    await read(credentials);
    const filter: HistoryFilter = {};
    if (query.entityRef) {
      await access.requireVisible(credentials, query.entityRef.toLowerCase());
      filter.entityRefs = [query.entityRef.toLowerCase()];
    } else filter.readable = readableOf(await access.scope(credentials));
    if (query.checkId) filter.checkIds = [query.checkId];
    if (query.trackId)
      filter.checkIds = [...(filter.checkIds ?? []), ...(await trackCheckIds(query.trackId))];
    if (query.ownerRef) filter.ownerRefs = [query.ownerRef.toLowerCase()];
    return filter;
  }
  /** Approvers are members of the check's owner group (when it has one) with the permission. */
  async function requireApprover(credentials: Credentials, checkId: string): Promise<void> {
    await access.require(credentials, scorecardsPermissions.exemptionApprove);
    const check = (await registry.snapshot()).checksById.get(checkId);
    if (!check) throw new NotFoundError(`no check '${checkId}'`);
    if (!check.ownerEntityRef || credentials.principal.type !== 'user') return;
    const { ownershipEntityRefs } = await deps.userInfo.getUserInfo(credentials);
    if (!ownershipEntityRefs.map((ref) => ref.toLowerCase()).includes(check.ownerEntityRef.toLowerCase()))
      throw new NotAllowedError(
        // The owner group is not named: the caller may not be allowed to read it.
        `only members of the owner group of check '${checkId}' may decide its exemptions`,
      );
  }
  const decide = <T>(
    eventId: string,
    credentials: Credentials,
    request: Parameters<typeof runAudited>[1]['request'],
    key: { checkId: string; entityRef: string },
    meta: Record<string, unknown>,
    action: () => Promise<T>,
  ) =>
    runAudited(
      deps.auditor,
      { eventId, request, meta: { checkId: key.checkId, ...meta } },
      async () => {
        await requireApprover(credentials, key.checkId);
        await access.requireVisible(credentials, key.entityRef.toLowerCase());
        const out = await action();
        await deps.service.recertify([key.entityRef.toLowerCase()]);
        return out;
      },
      () => ({ target: key.entityRef }),
    );

  return { read, trackCheckIds, historyFilter, requireApprover, decide };
}

function insightRoutesPart1(
  deps: RouteDeps,
  access: Access,
): Pick<InsightHandlers, 'listExemptions' | 'requestExemption' | 'approveExemption'> {
  const { stores, registry } = deps;
  const { read, trackCheckIds, decide } = insightRoutesHelpers(deps, access);
  return {
    listExemptions: async ({ credentials, query }) => {
      await read(credentials);
      const checkIds = query.checkId
        ? [query.checkId]
        : query.trackId
          ? await trackCheckIds(query.trackId)
          : undefined;
      const entityRef = query.entityRef?.toLowerCase();
      // One entity (its tab): asked of the catalog alone; a hidden one lists nothing, as a missing one.
      const readable = entityRef
        ? (await access.visible(credentials, [entityRef])).has(entityRef)
          ? undefined
          : () => false
        : readableOf(await access.scope(credentials));
      return stores.exemptions.list(
        { checkIds, entityRef, status: query.status, readable },
        query.limit,
        query.offset,
      );
    },
    requestExemption: ({ credentials, body, request }) =>
      runAudited(
        deps.auditor,
        {
          eventId: 'exemption.request',
          request,
          meta: { checkId: body.checkId, justification: body.justification, expiresAt: body.expiresAt },
        },
        async () => {
          await access.require(credentials, scorecardsPermissions.exemptionRequest);
          const entityRef = body.entityRef.toLowerCase();
          await access.requireVisible(credentials, entityRef);
          if (!(await registry.snapshot()).checksById.has(body.checkId))
            throw new NotFoundError(`no check '${body.checkId}'`);
          return stores.exemptions.request({ ...body, entityRef, userRef: actorOf(credentials) });
        },
        () => ({ target: body.entityRef }),
      ),
    approveExemption: ({ credentials, body, request }) =>
      decide('exemption.approve', credentials, request, body, {}, () =>
        stores.exemptions.approve(body.checkId, body.entityRef.toLowerCase(), actorOf(credentials)),
      ),
  };
}

function insightRoutesPart2(
  deps: RouteDeps,
  access: Access,
): Pick<InsightHandlers, 'revokeExemption' | 'restoreExemption' | 'getHistory'> {
  const { stores } = deps;
  const { historyFilter, decide } = insightRoutesHelpers(deps, access);
  return {
    revokeExemption: ({ credentials, body, request }) =>
      decide('exemption.revoke', credentials, request, body, { reason: body.reason }, () =>
        stores.exemptions.revoke(
          body.checkId,
          body.entityRef.toLowerCase(),
          actorOf(credentials),
          body.reason,
        ),
      ),
    restoreExemption: ({ credentials, body, request }) =>
      decide('exemption.restore', credentials, request, body, {}, () =>
        stores.exemptions.restore(body.checkId, body.entityRef.toLowerCase()),
      ),
    getHistory: async ({ credentials, query }) => {
      const filter = await historyFilter(credentials, query);
      const since = query.since ? Date.parse(query.since) : undefined;
      const until = query.until ? Date.parse(query.until) : undefined;
      return stores.history.list({ ...filter, since, until }, query.limit, query.offset);
    },
  };
}

function insightRoutesPart3(
  deps: RouteDeps,
  access: Access,
): Pick<InsightHandlers, 'getChanges' | 'getTrends' | 'getOverview'> {
  const { stores } = deps;
  const { read, historyFilter } = insightRoutesHelpers(deps, access);
  return {
    getChanges: async ({ credentials, query }) => {
      const filter = await historyFilter(credentials, query);
      const out = await stores.history.changes({ ...filter, since: Date.parse(query.since) }, query.limit);
      return { since: query.since, ...out };
    },
    getTrends: async ({ credentials, query }) =>
      stores.history.trends(await historyFilter(credentials, query), query.numberOfDays),
    getOverview: async ({ credentials, query }) => {
      await read(credentials);
      const scope = await access.scope(credentials);
      // A few readable entities are read by key; many, by one scan filtered in memory.
      const cells =
        !scope.all && scope.refs.size <= SMALL_SCOPE
          ? await stores.certifications.overviewOf([...scope.refs], query.trackId)
          : await stores.certifications.overview(query.trackId, readableOf(scope));
      return { cells, computedAt: new Date().toISOString() };
    },
  };
}

function insightRoutesPart4(
  deps: RouteDeps,
  access: Access,
): Pick<InsightHandlers, 'getTeamGrid' | 'getCampaignProgress' | 'getAccess'> {
  const { stores, registry } = deps;
  const { read } = insightRoutesHelpers(deps, access);
  return {
    getTeamGrid: async ({ credentials, query }) => {
      await read(credentials);
      const owners = await teamOwners(deps, credentials, query.groupRef);
      const [rows, scope] = await Promise.all([
        stores.certifications.teamGrid(owners, query.trackId),
        access.scope(credentials),
      ]);
      const kind = query.kind?.toLowerCase();
      // Readable rows only, before paging: the total counts what the caller may read.
      const matching = keepReadable(scope, rows).filter(
        (row) => !kind || row.entityRef.startsWith(`${kind}:`),
      );
      return {
        groupRef: query.groupRef,
        owners,
        rows: matching.slice(query.offset, query.offset + query.limit),
        totalCount: matching.length,
      };
    },
    getCampaignProgress: async ({ credentials, params }) => {
      await read(credentials);
      const campaign = (await registry.snapshot()).campaigns.find(
        (candidate) => candidate.id === params.campaignId,
      );
      if (!campaign) throw new NotFoundError(`no campaign '${params.campaignId}'`);
      return campaignProgress(stores, campaign, await access.scope(credentials));
    },
    getAccess: async ({ credentials }) => {
      const [canRead, canEditChecks, canSetManualState, canRequestExemptions, canApproveExemptions] =
        await Promise.all(
          [
            scorecardsPermissions.read,
            scorecardsPermissions.checkEdit,
            scorecardsPermissions.manualUpdate,
            scorecardsPermissions.exemptionRequest,
            scorecardsPermissions.exemptionApprove,
          ].map((permission) => access.allowed(credentials, permission)),
        );
      return {
        canRead: !!canRead,
        canEditChecks: !!canEditChecks,
        canSetManualState: !!canSetManualState,
        canRequestExemptions: !!canRequestExemptions,
        canApproveExemptions: !!canApproveExemptions,
      };
    },
  };
}

/** Handlers of exemptions, history and aggregates. */
export function insightRoutes(deps: RouteDeps, access: Access): InsightHandlers {
  return {
    ...insightRoutesPart1(deps, access),
    ...insightRoutesPart2(deps, access),
    ...insightRoutesPart3(deps, access),
    ...insightRoutesPart4(deps, access),
  };
}
