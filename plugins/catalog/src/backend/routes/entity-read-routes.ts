import { Readable } from 'node:stream';
import { stringifyEntityRef } from '@atrium/catalog-model';
import { InputError, NotFoundError } from '@atrium/errors';
import { type RouteHandlers, sql } from '@atrium/kernel';
import type { catalogApi } from '../../common/catalog-api.js';
import type { SqlReader } from '../database/sql-reader.js';
import { joinJson, type StoredJson } from '../database/stored-json.js';
import { entityReadFilter } from '../permissions/entity-read-filter.js';
import { parseFieldsParam, projectJson } from '../query/entity-fields.js';
import { andFilters, type EntityFilter, MATCH_NOTHING, normalizeFilter } from '../query/entity-filter.js';
import { filterCondition } from '../query/filter-sql.js';
import { knownKinds } from '../query/known-kinds.js';
import {
  encodeAfterCursor,
  listEntityIds,
  parseAfterCursor,
  parseOrderParams,
  readEntitiesInOrder,
} from '../query/list-entities.js';
import { parseFilterParams, type QueryParam } from '../query/parse-filter-params.js';
import type { CatalogServices } from './catalog-services.js';
import { sendJson } from './send-json.js';

type Routes = RouteHandlers<(typeof catalogApi)['routes']>;

/** The caller's filter ANDed with the permission filter, normalized. */
export function visibleFilter(
  filter: EntityFilter | undefined,
  permission: EntityFilter | 'deny' | undefined,
) {
  const combined = andFilters(filter, permission === 'deny' ? MATCH_NOTHING : permission);
  return combined ? normalizeFilter(combined) : undefined;
}

async function streamAll(
  services: CatalogServices,
  ids: number[],
  fields: ReturnType<typeof parseFieldsParam>,
) {
  async function* chunks() {
    yield '[';
    let first = true;
    for await (const jsons of readEntitiesInOrder(services.reader, ids)) {
      if (jsons.length === 0) continue;
      yield joinJson(
        first ? '' : ',',
        jsons.map((json) => projectJson(json, fields)),
        '',
      );
      first = false;
    }
    yield ']';
  }
  return Readable.from(chunks());
}

function nextLink(url: string, cursor: string): string {
  const next = new URL(url, 'http://ignored');
  next.searchParams.delete('offset');
  next.searchParams.set('after', cursor);
  return `</entities${next.search}>; rel="next"`;
}

type EntityLookup = (
  column: 'uid' | 'entity_ref',
  value: string,
  permission: EntityFilter | 'deny' | undefined,
) => Promise<StoredJson | undefined>;

/**
 * One served entity by uid or ref. Without a permission condition (the common case) the
 * statement is compiled once: it is the hottest read, and building its query per request
 * cost more than running it.
 */
function createEntityLookup(reader: SqlReader): EntityLookup {
  const plain = {
    uid: reader.prepare(
      (uid: string) =>
        sql<{ json: StoredJson }>`SELECT final_entity AS json FROM final_entities WHERE uid = ${uid}`,
    ),
    entity_ref: reader.prepare(
      (ref: string) =>
        sql<{ json: StoredJson }>`SELECT final_entity AS json FROM final_entities WHERE entity_ref = ${ref}`,
    ),
  };
  return async (column, value, permission) => {
    if (permission === 'deny') return undefined;
    if (!permission) return (await reader.all(plain[column](value)))[0]?.json;
    const condition = filterCondition(normalizeFilter(permission), {
      id: 'f.entity_id',
      mode: 'probe',
      kindColumn: 'f.kind',
    });
    const [row] = await reader.all(
      sql<{
        json: StoredJson;
      }>`SELECT f.final_entity AS json FROM final_entities f WHERE ${sql.ref(`f.${column}`)} = ${value} AND ${condition}`,
    );
    return row?.json;
  };
}

/** Handlers of `GET /entities`, by-uid and by-name reads. */
export function entityReadRoutes(
  services: CatalogServices,
): Pick<Routes, 'getEntities' | 'getEntityByUid' | 'getEntityByName'> {
  const oneEntity = createEntityLookup(services.reader);
  return {
    async getEntities({ query, credentials, request, reply }) {
      const permission = await entityReadFilter(services.permissions, credentials);
      const filter = visibleFilter(parseFilterParams(query.filter as QueryParam), permission);
      const fields = parseFieldsParam(query.fields as QueryParam);
      const order = parseOrderParams(query.order as QueryParam);
      const kinds = await knownKinds(services.reader, services.cache);
      const ids = permission === 'deny' ? [] : await listEntityIds(services.reader, filter, order, kinds);
      if (query.offset === undefined && query.limit === undefined && query.after === undefined) {
        reply.type('application/json; charset=utf-8').send(await streamAll(services, ids, fields));
        return undefined;
      }
      const fromCursor = query.after ? parseAfterCursor(query.after) : {};
      const limit = fromCursor.limit ?? query.limit;
      const offset = fromCursor.offset ?? query.offset ?? 0;
      if (limit !== undefined && limit <= 0) throw new InputError('limit must be a positive number');
      const page = ids.slice(offset, limit === undefined ? undefined : offset + limit);
      if (limit !== undefined && ids.length > offset + limit)
        reply.header('link', nextLink(request.url, encodeAfterCursor(limit, offset + limit)));
      const jsons: StoredJson[] = [];
      for await (const chunk of readEntitiesInOrder(services.reader, page))
        jsons.push(...chunk.map((json) => projectJson(json, fields)));
      sendJson(reply, joinJson('[', jsons, ']'));
      return undefined;
    },
    async getEntityByUid({ params, credentials, reply }) {
      const json = await oneEntity(
        'uid',
        params.uid,
        await entityReadFilter(services.permissions, credentials),
      );
      if (!json) throw new NotFoundError(`No entity with uid ${params.uid}`);
      sendJson(reply, json);
      return undefined;
    },
    async getEntityByName({ params, credentials, reply }) {
      const { kind, namespace, name } = params;
      const ref = stringifyEntityRef({ kind, namespace, name });
      const json = await oneEntity(
        'entity_ref',
        ref,
        await entityReadFilter(services.permissions, credentials),
      );
      if (!json)
        throw new NotFoundError(
          `No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`,
        );
      sendJson(reply, json);
      return undefined;
    },
  };
}
