import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '@atrium/errors';
import { sql } from '@atrium/kernel';
import type { CatalogLocation } from '../../common/catalog-types.js';
import type { SqlClient } from '../database/sql-client.js';
import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '../extensions/entity-provider.js';
import { generatedLocationName, locationToEntity } from '../processing/collect-children.js';

/** The name of the provider that feeds registered locations (Backstage's). */
const LOCATION_STORE_PROVIDER = 'DefaultLocationStore';

/** Locations registered through the API, which also feeds them to the catalog. */
export interface LocationStore extends EntityProvider {
  list(): Promise<CatalogLocation[]>;
  get(id: string): Promise<CatalogLocation | undefined>;
  find(type: string, target: string): Promise<CatalogLocation | undefined>;
  create(spec: { type: string; target: string }): Promise<CatalogLocation>;
  update(id: string, spec: { type: string; target: string }): Promise<CatalogLocation>;
  delete(id: string): Promise<void>;
}

/** The Location entity ref of a location. */
export function locationEntityRef(location: { type: string; target: string }): string {
  return `location:default/${generatedLocationName(location)}`;
}

interface LocationRow {
  id: string;
  type: string;
  target: string;
}

function toLocation(row: LocationRow): CatalogLocation {
  return { id: row.id, type: row.type, target: row.target, entityRef: locationEntityRef(row) };
}

function deferred(location: { type: string; target: string }): DeferredEntity {
  const ref = `${location.type}:${location.target}`;
  return { entity: locationToEntity(location, ref, ref), locationKey: ref };
}

/**
 * Creates the store of registered locations over the `locations` table.
 *
 * @example
 * const store = createLocationStore(db);
 * const location = await store.create({ type: 'url', target: 'https://github.com/org/repo/blob/main/catalog-info.yaml' });
 */
export function createLocationStore(db: SqlClient): LocationStore {
  let connection: EntityProviderConnection | undefined;
  const connected = () => {
    if (!connection)
      throw new ServiceUnavailableError('the catalog is still starting; try again in a moment');
    return connection;
  };
  const get = async (id: string) => {
    const [row] = await db.all(sql<LocationRow>`SELECT id, type, target FROM locations WHERE id = ${id}`);
    return row ? toLocation(row) : undefined;
  };
  const find = async (type: string, target: string) => {
    const [row] = await db.all(
      sql<LocationRow>`SELECT id, type, target FROM locations WHERE type = ${type} AND target = ${target}`,
    );
    return row ? toLocation(row) : undefined;
  };
  return {
    getProviderName: () => LOCATION_STORE_PROVIDER,
    async connect(newConnection) {
      connection = newConnection;
      const rows = await db.all(sql<LocationRow>`SELECT id, type, target FROM locations`);
      await newConnection.applyMutation({ type: 'full', entities: rows.map(deferred) });
    },
    async list() {
      const rows = await db.all(sql<LocationRow>`SELECT id, type, target FROM locations ORDER BY id`);
      return rows.map(toLocation);
    },
    get,
    find,
    async create(spec) {
      if (await find(spec.type, spec.target))
        throw new ConflictError(`Location ${spec.type}:${spec.target} already exists`);
      const id = randomUUID();
      await db.run(
        sql`INSERT INTO locations (id, type, target) VALUES (${id}, ${spec.type}, ${spec.target})`,
      );
      await connected().applyMutation({ type: 'delta', added: [deferred(spec)], removed: [] });
      return toLocation({ id, ...spec });
    },
    async update(id, spec) {
      const existing = await get(id);
      if (!existing) throw new NotFoundError(`Found no location with ID ${id}`);
      const other = await find(spec.type, spec.target);
      if (other && other.id !== id)
        throw new ConflictError(`Location ${spec.type}:${spec.target} already exists`);
      await db.run(sql`UPDATE locations SET type = ${spec.type}, target = ${spec.target} WHERE id = ${id}`);
      await connected().applyMutation({
        type: 'delta',
        added: [deferred(spec)],
        removed: [deferred(existing)],
      });
      return toLocation({ id, ...spec });
    },
    async delete(id) {
      const existing = await get(id);
      if (!existing) throw new NotFoundError(`Found no location with ID ${id}`);
      // Entities first (one transaction, see createProviderConnection), then the row: a
      // failure leaves the location registered, so unregistering again finishes the job.
      await connected().applyMutation({ type: 'delta', added: [], removed: [deferred(existing)] });
      await db.run(sql`DELETE FROM locations WHERE id = ${id}`);
    },
  };
}
