import {
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  parseLocationRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@atrium/errors';
import { type Credentials, type Permission, type RouteHandlers, runAudited, sql } from '@atrium/kernel';
import type { catalogApi } from '../../common/catalog-api.js';
import { catalogPermissions } from '../../common/catalog-permissions.js';
import type { CatalogLocation } from '../../common/catalog-types.js';
import { analyzeLocation } from '../locations/analyze-location.js';
import { matchesPredicate } from '../locations/match-predicate.js';
import { checkLocationSpec, registerLocation } from '../locations/register-location.js';
import { entityReadFilter } from '../permissions/entity-read-filter.js';
import { readableAnalysis, readableEntities } from '../permissions/readable-unstored.js';
import { visibleLocations } from '../permissions/visible-locations.js';
import { checkPredicate } from '../query/filter-limits.js';
import { visibleRefs } from '../query/visible-refs.js';
import type { CatalogServices } from './catalog-services.js';

type Routes = RouteHandlers<(typeof catalogApi)['routes']>;
type LocationRoutes =
  | 'createLocation'
  | 'getLocations'
  | 'getLocationsByQuery'
  | 'getLocation'
  | 'updateLocation'
  | 'deleteLocation'
  | 'getLocationByEntity'
  | 'analyzeLocation';

const DEFAULT_LOCATIONS_LIMIT = 500;

async function allow(services: CatalogServices, credentials: Credentials, ...permissions: Permission[]) {
  const decisions = await services.permissions.authorize(
    permissions.map((permission) => ({ permission })),
    { credentials },
  );
  const denied = permissions.find((_, index) => decisions[index]?.result !== 'ALLOW');
  if (denied) throw new NotAllowedError(`not allowed to ${denied.name}`);
}

function writable(services: CatalogServices) {
  if (services.config.readonly) throw new NotAllowedError('This operation not allowed in readonly mode');
}

function decodeLocationsCursor(cursor: string): { offset: number; query?: unknown } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      offset?: unknown;
      query?: unknown;
    };
    if (typeof parsed.offset === 'number' && Number.isSafeInteger(parsed.offset) && parsed.offset >= 0)
      return { offset: parsed.offset, query: parsed.query };
  } catch {
    // Reported below.
  }
  throw new InputError('Malformed cursor, could not be parsed');
}

/** Handlers of the locations endpoints and analyze-location. */
export function locationRoutes(services: CatalogServices): Pick<Routes, LocationRoutes> {
  const { locations, reader } = services;
  const readFilter = (credentials: Credentials) => entityReadFilter(services.permissions, credentials);
  // A location the caller may not see answers exactly as one that does not exist.
  const visibleLocation = async (id: string, credentials: Credentials) => {
    const location = await locations.get(id);
    const [shown] = location ? await visibleLocations(reader, [location], await readFilter(credentials)) : [];
    if (!shown) throw new NotFoundError(`Found no location with ID ${id}`);
    return shown;
  };
  return {
    async createLocation({ body, query, credentials, request }) {
      const dryRun = query.dryRun === 'true';
      const register = async () => {
        await allow(services, credentials, catalogPermissions.locationCreate);
        const filter = await readFilter(credentials);
        return registerLocation(services, {
          type: body.type,
          target: body.target,
          dryRun,
          onConflict: query.onConflict,
          readableEntities: (result) => readableEntities(result, filter),
          canSeeLocation: async (location: CatalogLocation) =>
            (await visibleLocations(reader, [location], filter)).length > 0,
        });
      };
      // A dry run changes nothing: it is no audit event.
      if (dryRun) return register();
      return runAudited(
        services.auditor,
        {
          eventId: 'location.create',
          request,
          target: `${body.type}:${body.target}`,
          meta: { type: body.type, onConflict: query.onConflict },
        },
        register,
        (result) => ({ meta: { locationId: result.location.id } }),
      );
    },
    async getLocations({ credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      const shown = await visibleLocations(reader, await locations.list(), await readFilter(credentials));
      return shown.map((data) => ({ data }));
    },
    async getLocationsByQuery({ body, credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      const state = body.cursor ? decodeLocationsCursor(body.cursor) : { offset: 0, query: body.query };
      if (state.query !== undefined) {
        checkPredicate(state.query, 'query');
        // Checks the grammar once, also when there is no location to match it against.
        matchesPredicate({}, state.query);
      }
      const limit = body.limit ?? DEFAULT_LOCATIONS_LIMIT;
      const matching = (await locations.list()).filter(
        (location) => state.query === undefined || matchesPredicate({ ...location }, state.query),
      );
      // Totals and cursors count only what the caller may see.
      const all = await visibleLocations(reader, matching, await readFilter(credentials));
      const items = all.slice(state.offset, state.offset + limit);
      const nextOffset = state.offset + limit;
      const nextCursor =
        limit > 0 && nextOffset < all.length
          ? Buffer.from(JSON.stringify({ offset: nextOffset, query: state.query })).toString('base64')
          : undefined;
      return { items, totalItems: all.length, pageInfo: nextCursor ? { nextCursor } : {} };
    },
    async getLocation({ params, credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      return visibleLocation(params.id, credentials);
    },
    updateLocation: ({ params, body, credentials, request }) =>
      runAudited(
        services.auditor,
        {
          eventId: 'location.update',
          request,
          target: `${body.type}:${body.target}`,
          meta: { locationId: params.id },
        },
        async () => {
          await allow(
            services,
            credentials,
            catalogPermissions.locationCreate,
            catalogPermissions.locationDelete,
          );
          writable(services);
          const before = await visibleLocation(params.id, credentials);
          const target = await checkLocationSpec(services, body.type, body.target);
          const updated = await locations.update(params.id, { type: body.type, target });
          return { updated, before };
        },
        ({ updated, before }) => ({
          meta: { previous: `${before.type}:${before.target}`, target: updated.target },
        }),
      ).then(({ updated }) => updated),
    deleteLocation: ({ params, credentials, request }) =>
      runAudited(
        services.auditor,
        { eventId: 'location.delete', request, meta: { locationId: params.id } },
        async () => {
          await allow(services, credentials, catalogPermissions.locationDelete);
          writable(services);
          const location = await visibleLocation(params.id, credentials);
          await locations.delete(params.id);
          return location;
        },
        (location) => ({ target: `${location.type}:${location.target}` }),
      ).then(() => undefined),
    async getLocationByEntity({ params, credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      const ref = stringifyEntityRef(params);
      const notFound = () => new NotFoundError(`No location found for entity ${ref}`);
      const filter = await readFilter(credentials);
      if (filter !== undefined && !(await visibleRefs(reader, [ref], filter)).has(ref)) throw notFound();
      const [row] = await services.sql.all(
        sql<{ json: string }>`SELECT processed_entity AS json FROM refresh_state WHERE entity_ref = ${ref}`,
      );
      const origin = row?.json
        ? (JSON.parse(row.json) as { metadata?: { annotations?: Record<string, string> } }).metadata
            ?.annotations?.[ANNOTATION_MANAGED_BY_ORIGIN_LOCATION]
        : undefined;
      const spec = origin ? parseLocationRef(origin) : undefined;
      const location = spec ? await locations.find(spec.type, spec.target) : undefined;
      const [shown] = location ? await visibleLocations(reader, [location], filter) : [];
      if (!shown) throw notFound();
      return shown;
    },
    async analyzeLocation({ body, credentials }) {
      await allow(services, credentials, catalogPermissions.locationAnalyze);
      const analysis = await analyzeLocation(services, body);
      return readableAnalysis(reader, analysis, await readFilter(credentials));
    },
  };
}
