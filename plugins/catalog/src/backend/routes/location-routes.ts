import {
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  parseLocationRef,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@atrium/errors';
import type { Credentials, Permission, RouteHandlers } from '@atrium/kernel';
import type { catalogApi } from '../../common/catalog-api.js';
import { catalogPermissions } from '../../common/catalog-permissions.js';
import { analyzeLocation } from '../locations/analyze-location.js';
import { matchesPredicate } from '../locations/match-predicate.js';
import { checkLocationSpec, registerLocation } from '../locations/register-location.js';
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
    if (typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0)
      return { offset: parsed.offset, query: parsed.query };
  } catch {
    // Reported below.
  }
  throw new InputError('Malformed cursor, could not be parsed');
}

/** Handlers of the locations endpoints and analyze-location. */
export function locationRoutes(services: CatalogServices): Pick<Routes, LocationRoutes> {
  const { locations } = services;
  return {
    async createLocation({ body, query, credentials }) {
      await allow(services, credentials, catalogPermissions.locationCreate);
      return registerLocation(services, {
        type: body.type,
        target: body.target,
        dryRun: query.dryRun === 'true',
        onConflict: query.onConflict,
      });
    },
    async getLocations({ credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      return (await locations.list()).map((data) => ({ data }));
    },
    async getLocationsByQuery({ body, credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      const state = body.cursor ? decodeLocationsCursor(body.cursor) : { offset: 0, query: body.query };
      const limit = body.limit ?? DEFAULT_LOCATIONS_LIMIT;
      const all = (await locations.list()).filter(
        (location) => state.query === undefined || matchesPredicate({ ...location }, state.query),
      );
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
      const location = await locations.get(params.id);
      if (!location) throw new NotFoundError(`Found no location with ID ${params.id}`);
      return location;
    },
    async updateLocation({ params, body, credentials }) {
      await allow(
        services,
        credentials,
        catalogPermissions.locationCreate,
        catalogPermissions.locationDelete,
      );
      writable(services);
      const target = await checkLocationSpec(services, body.type, body.target);
      return locations.update(params.id, { type: body.type, target });
    },
    async deleteLocation({ params, credentials }) {
      await allow(services, credentials, catalogPermissions.locationDelete);
      writable(services);
      await locations.delete(params.id);
      return undefined;
    },
    async getLocationByEntity({ params, credentials }) {
      await allow(services, credentials, catalogPermissions.locationRead);
      const ref = stringifyEntityRef(params);
      const [row] = await services.sql.all<{ json: string }>(
        'SELECT processed_entity AS json FROM refresh_state WHERE entity_ref = ?',
        [ref],
      );
      const origin = row?.json
        ? (JSON.parse(row.json) as { metadata?: { annotations?: Record<string, string> } }).metadata
            ?.annotations?.[ANNOTATION_MANAGED_BY_ORIGIN_LOCATION]
        : undefined;
      const spec = origin ? parseLocationRef(origin) : undefined;
      const location = spec ? await locations.find(spec.type, spec.target) : undefined;
      if (!location) throw new NotFoundError(`No location found for entity ${ref}`);
      return location;
    },
    async analyzeLocation({ body, credentials }) {
      await allow(services, credentials, catalogPermissions.locationAnalyze);
      return analyzeLocation(services, body);
    },
  };
}
