import { NotAllowedError, NotFoundError } from '@atrium/errors';
import { type Credentials, type RouteHandlers, runAudited } from '@atrium/kernel';
import { type scorecardsApi, scorecardsPermissions } from '../../common/index.js';
import type { HistoryFilter } from '../store/history-store.js';
import { campaignProgress } from './campaign-progress.js';
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
    }
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
        `only members of '${check.ownerEntityRef}', the owner of check '${checkId}', may decide its exemptions`,
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
      const page = await stores.exemptions.list(
        { checkIds, entityRef: query.entityRef?.toLowerCase(), status: query.status },
        query.limit,
        query.offset,
      );
      const visible = await access.visible(
        credentials,
        page.exemptions.map((item) => item.entityRef),
      );
      return {
        exemptions: page.exemptions.filter((item) => visible.has(item.entityRef)),
        totalCount: page.totalCount,
      };
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
      const page = await stores.history.list({ ...filter, since, until }, query.limit, query.offset);
      const visible = await access.visible(
        credentials,
        page.transitions.map((item) => item.entityRef),
      );
      return {
        transitions: page.transitions.filter((item) => visible.has(item.entityRef)),
        totalCount: page.totalCount,
      };
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
      const visible = await access.visible(
        credentials,
        out.changes.map((item) => item.entityRef),
      );
      return {
        since: query.since,
        changes: out.changes.filter((item) => visible.has(item.entityRef)),
        summary: out.summary,
      };
    },
    getTrends: async ({ credentials, query }) =>
      stores.history.trends(await historyFilter(credentials, query), query.numberOfDays),
    getOverview: async ({ credentials, query }) => {
      await read(credentials);
      return {
        cells: await stores.certifications.overview(query.trackId),
        computedAt: new Date().toISOString(),
      };
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
      const rows = await stores.certifications.teamGrid(owners, query.trackId);
      const kind = query.kind?.toLowerCase();
      const matching = kind ? rows.filter((row) => row.entityRef.startsWith(`${kind}:`)) : rows;
      const page = matching.slice(query.offset, query.offset + query.limit);
      const visible = await access.visible(
        credentials,
        page.map((row) => row.entityRef),
      );
      return {
        groupRef: query.groupRef,
        owners,
        rows: page.filter((row) => visible.has(row.entityRef)),
        totalCount: matching.length,
      };
    },
    getCampaignProgress: async ({ credentials, params }) => {
      await read(credentials);
      const campaign = (await registry.snapshot()).campaigns.find(
        (candidate) => candidate.id === params.campaignId,
      );
      if (!campaign) throw new NotFoundError(`no campaign '${params.campaignId}'`);
      return campaignProgress(stores, campaign, (refs) => access.visible(credentials, refs));
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
