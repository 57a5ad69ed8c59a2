import { ConflictError, NotFoundError } from '@atrium/errors';
import { type RouteHandlers, runAudited } from '@atrium/kernel';
import { stringify as toYaml } from 'yaml';
import {
  type Campaign,
  type Check,
  type scorecardsApi,
  scorecardsPermissions,
  type Track,
} from '../../common/index.js';
import {
  assertTracksAcyclic,
  validateCampaign,
  validateCheck,
  validateTrack,
} from '../definitions/validate-definitions.js';
import { appliesTo } from '../engine/entity-filter.js';
import { SCORECARDS_DEFINITIONS_TOPIC } from '../scorecards-service.js';
import type { DefinitionKind } from '../store/definition-store.js';
import { type Access, actorOf, type RouteDeps } from './route-context.js';

type Routes = (typeof scorecardsApi)['routes'];
type DefinitionHandlers = Pick<
  RouteHandlers<Routes>,
  | 'listChecks'
  | 'getCheck'
  | 'createCheck'
  | 'updateCheck'
  | 'deleteCheck'
  | 'listTracks'
  | 'getTrack'
  | 'createTrack'
  | 'updateTrack'
  | 'deleteTrack'
  | 'listCampaigns'
  | 'getCampaign'
  | 'createCampaign'
  | 'updateCampaign'
  | 'exportDefinitions'
>;

const stripMeta = ({ source: _s, createdAt: _c, updatedAt: _u, ...body }: Record<string, unknown>) => body;

function definitionRoutesHelpers(deps: RouteDeps, access: Access) {
  const { registry } = deps;
  const read = (credentials: Parameters<Access['require']>[0]) =>
    access.require(credentials, scorecardsPermissions.read);

  /** Those applying to an entity; none for an entity the caller may not read, as for a missing one. */
  async function applying<T extends Check | Track | Campaign>(
    items: T[],
    entityRef: string | undefined,
    credentials: Parameters<Access['require']>[0],
  ): Promise<T[]> {
    if (!entityRef) return items;
    const ref = entityRef.toLowerCase();
    const [[entity], visible] = await Promise.all([
      deps.stores.entities.get([ref]),
      access.visible(credentials, [ref]),
    ]);
    return entity && visible.has(ref) ? items.filter((item) => appliesTo(entity.entity, item)) : [];
  }
  function one<T extends { id: string }>(items: T[], id: string, kind: string): T {
    const found = items.find((item) => item.id === id);
    if (!found) throw new NotFoundError(`no ${kind} '${id}'`);
    return found;
  }
  async function edit(
    context: {
      credentials: Parameters<Access['require']>[0];
      request: Parameters<typeof runAudited>[1]['request'];
    },
    kind: DefinitionKind,
    id: string,
    action: 'create' | 'update' | 'delete',
    write: () => Promise<void>,
  ) {
    return runAudited(
      deps.auditor,
      { eventId: `${kind}.${action}`, request: context.request, meta: { kind, id } },
      async () => {
        await access.require(context.credentials, scorecardsPermissions.checkEdit);
        await write();
        registry.invalidate();
        await deps.events.publish({
          topic: SCORECARDS_DEFINITIONS_TOPIC,
          eventPayload: { kind, id, by: actorOf(context.credentials) },
        });
      },
      () => ({ target: `${kind}:${id}` }),
    );
  }
  async function validTrackSet(track: Track): Promise<void> {
    const snapshot = await registry.snapshot();
    assertTracksAcyclic([...snapshot.tracks.filter((other) => other.id !== track.id), track], snapshot.rules);
  }
  const checkIds = async () => new Set((await registry.snapshot()).checks.map((check) => check.id));
  const snap = () => registry.snapshot();

  return { read, applying, one, edit, validTrackSet, checkIds, snap };
}

function definitionRoutesPart1(
  deps: RouteDeps,
  access: Access,
): Pick<DefinitionHandlers, 'listChecks' | 'getCheck' | 'createCheck' | 'updateCheck'> {
  const { registry } = deps;
  const { read, applying, one, edit, snap } = definitionRoutesHelpers(deps, access);
  return {
    listChecks: async ({ credentials, query }) => {
      await read(credentials);
      const checks = (await snap()).checks.filter(
        (check) => !query.checks || query.checks.includes(check.id),
      );
      return {
        checks: await access.withReadableOwners(
          credentials,
          await applying(checks, query.entityRef, credentials),
        ),
      };
    },
    getCheck: async ({ credentials, params }) => {
      await read(credentials);
      const [check] = await access.withReadableOwners(credentials, [
        one((await snap()).checks, params.checkId, 'check'),
      ]);
      return check as Check;
    },
    createCheck: async (context) => {
      const check = validateCheck(context.body, await registry.isKnownFact());
      await edit(context, 'check', check.id, 'create', () =>
        deps.stores.definitions.create('check', check.id, stripMeta({ ...check, type: context.body.type })),
      );
      return one((await snap()).checks, check.id, 'check');
    },
    updateCheck: async (context) => {
      const check = validateCheck(
        { ...context.body, id: context.params.checkId },
        await registry.isKnownFact(),
      );
      await edit(context, 'check', check.id, 'update', () =>
        deps.stores.definitions.update('check', check.id, stripMeta({ ...check, type: context.body.type })),
      );
      return one((await snap()).checks, check.id, 'check');
    },
  };
}

function definitionRoutesPart2(
  deps: RouteDeps,
  access: Access,
): Pick<DefinitionHandlers, 'deleteCheck' | 'listTracks' | 'getTrack' | 'createTrack'> {
  const { read, applying, one, edit, validTrackSet, checkIds, snap } = definitionRoutesHelpers(deps, access);
  return {
    deleteCheck: async (context) => {
      const used = (await snap()).tracks
        .concat((await snap()).campaigns)
        .find((track) =>
          track.levels.some((level) => level.checks.some((check) => check.id === context.params.checkId)),
        );
      if (used)
        throw new ConflictError(
          `check '${context.params.checkId}' is used by '${used.id}'; remove it there first`,
        );
      await edit(context, 'check', context.params.checkId, 'delete', () =>
        deps.stores.definitions.remove('check', context.params.checkId),
      );
      return undefined;
    },
    listTracks: async ({ credentials, query }) => {
      await read(credentials);
      const tracks = (await snap()).tracks.filter(
        (track) => !query.tracks || query.tracks.includes(track.id),
      );
      return {
        tracks: await access.withReadableOwners(
          credentials,
          await applying(tracks, query.entityRef, credentials),
        ),
      };
    },
    getTrack: async ({ credentials, params }) => {
      await read(credentials);
      const [track] = await access.withReadableOwners(credentials, [
        one((await snap()).tracks, params.trackId, 'track'),
      ]);
      return track as Track;
    },
    createTrack: async (context) => {
      const track = validateTrack(context.body, await checkIds());
      await validTrackSet(track as Track);
      await edit(context, 'track', track.id, 'create', () =>
        deps.stores.definitions.create('track', track.id, track),
      );
      return one((await snap()).tracks, track.id, 'track');
    },
  };
}

function definitionRoutesPart3(
  deps: RouteDeps,
  access: Access,
): Pick<DefinitionHandlers, 'updateTrack' | 'deleteTrack' | 'listCampaigns' | 'getCampaign'> {
  const { read, applying, one, edit, validTrackSet, checkIds, snap } = definitionRoutesHelpers(deps, access);
  return {
    updateTrack: async (context) => {
      const track = validateTrack({ ...context.body, id: context.params.trackId }, await checkIds());
      await validTrackSet(track as Track);
      await edit(context, 'track', track.id, 'update', () =>
        deps.stores.definitions.update('track', track.id, track),
      );
      return one((await snap()).tracks, track.id, 'track');
    },
    deleteTrack: async (context) => {
      await edit(context, 'track', context.params.trackId, 'delete', () =>
        deps.stores.definitions.remove('track', context.params.trackId),
      );
      return undefined;
    },
    listCampaigns: async ({ credentials, query }) => {
      await read(credentials);
      const campaigns = (await snap()).campaigns.filter(
        (campaign) =>
          (!query.campaigns || query.campaigns.includes(campaign.id)) &&
          (query.includeArchived || !campaign.archived),
      );
      return {
        campaigns: await access.withReadableOwners(
          credentials,
          await applying(campaigns, query.entityRef, credentials),
        ),
      };
    },
    getCampaign: async ({ credentials, params }) => {
      await read(credentials);
      const [campaign] = await access.withReadableOwners(credentials, [
        one((await snap()).campaigns, params.campaignId, 'campaign'),
      ]);
      return campaign as Campaign;
    },
  };
}

function definitionRoutesPart4(
  deps: RouteDeps,
  access: Access,
): Pick<DefinitionHandlers, 'createCampaign' | 'updateCampaign' | 'exportDefinitions'> {
  const { read, one, edit, checkIds, snap } = definitionRoutesHelpers(deps, access);
  return {
    createCampaign: async (context) => {
      const campaign = validateCampaign(context.body, await checkIds());
      await edit(context, 'campaign', campaign.id, 'create', () =>
        deps.stores.definitions.create('campaign', campaign.id, campaign),
      );
      return one((await snap()).campaigns, campaign.id, 'campaign');
    },
    updateCampaign: async (context) => {
      const campaign = validateCampaign({ ...context.body, id: context.params.campaignId }, await checkIds());
      await edit(context, 'campaign', campaign.id, 'update', () =>
        deps.stores.definitions.update('campaign', campaign.id, campaign),
      );
      return one((await snap()).campaigns, campaign.id, 'campaign');
    },
    exportDefinitions: async ({ credentials, query }) => {
      await read(credentials);
      const snapshot = await snap();
      const pick = <T extends { id: string }>(kind: string, items: T[]) =>
        (query.kind && query.kind !== kind
          ? []
          : items.filter((item) => !query.ids || query.ids.includes(item.id))
        ).map((item) => stripMeta(item as unknown as Record<string, unknown>));
      const document = {
        checks: pick('check', await access.withReadableOwners(credentials, snapshot.checks)),
        tracks: pick('track', await access.withReadableOwners(credentials, snapshot.tracks)),
        campaigns: pick('campaign', await access.withReadableOwners(credentials, snapshot.campaigns)),
      };
      return {
        yaml: toYaml(Object.fromEntries(Object.entries(document).filter(([, items]) => items.length > 0))),
      };
    },
  };
}

/** Handlers that read and edit definitions; edits are audited and announced to other backends. */
export function definitionRoutes(deps: RouteDeps, access: Access): DefinitionHandlers {
  return {
    ...definitionRoutesPart1(deps, access),
    ...definitionRoutesPart2(deps, access),
    ...definitionRoutesPart3(deps, access),
    ...definitionRoutesPart4(deps, access),
  };
}
