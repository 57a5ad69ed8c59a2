import { stringifyEntityRef } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import type { RouteHandlers } from '@atrium/kernel';
import type { catalogApi } from '../../common/catalog-api.js';
import { CATALOG_LIMITS, overLimit } from '../../common/catalog-limits.js';
import { entityReadFilter } from '../permissions/entity-read-filter.js';
import { entitiesByRefs } from '../query/entities-by-refs.js';
import { entityAncestry } from '../query/entity-ancestry.js';
import { facetValues } from '../query/entity-facets.js';
import { parseFieldsParam } from '../query/entity-fields.js';
import { andFilters, type EntityFilter } from '../query/entity-filter.js';
import { knownKinds } from '../query/known-kinds.js';
import { paramList, parseFilterParams, type QueryParam } from '../query/parse-filter-params.js';
import { predicateToFilter } from '../query/predicate-to-filter.js';
import { queryEntities, toFullText } from '../query/query-entities.js';
import type { CatalogServices } from './catalog-services.js';
import { visibleFilter } from './entity-read-routes.js';
import { sendJson } from './send-json.js';

type Routes = RouteHandlers<(typeof catalogApi)['routes']>;

function parseOrderFields(param: QueryParam) {
  return paramList(param).map((item) => {
    const [field, order] = item.split(',').map((part) => part.trim());
    if (!field) throw new InputError(`Invalid orderField '${item}', expected '<field>[,asc|desc]'`);
    if (order !== undefined && order !== 'asc' && order !== 'desc') {
      throw new InputError('Invalid order field order, must be asc or desc');
    }
    return { field, order: (order ?? 'asc') as 'asc' | 'desc' };
  });
}

// Counts honour a text filter (an Atrium addition), so a catalog page's facets agree with
// the rows its search shows.
async function facets(
  services: CatalogServices,
  names: string[],
  filter: EntityFilter | undefined,
  textFilter: { term?: string; fields?: string[] } | undefined,
) {
  const fullText = toFullText(textFilter);
  const text = fullText && { fullText, kinds: await knownKinds(services.reader, services.cache) };
  const out: Record<string, Array<{ value: string; count: number }>> = {};
  for (const name of names) {
    out[name] = await services.cache.get(
      `facet:${name.toLowerCase()}:${JSON.stringify(filter ?? null)}:${JSON.stringify(fullText ?? null)}`,
      () => facetValues(services.reader, name, filter, text),
    );
  }
  return { facets: out };
}

/** Handlers of by-query, by-refs, facets and ancestry. */
export function entityQueryRoutes(
  services: CatalogServices,
): Pick<
  Routes,
  | 'getEntitiesByQuery'
  | 'queryEntitiesByPredicate'
  | 'getEntitiesByRefs'
  | 'getEntityFacets'
  | 'queryEntityFacetsByPredicate'
  | 'getEntityAncestryByName'
> {
  const deps = { sql: services.reader, cache: services.cache, logger: services.logger };
  const permissionOf = async (credentials: Parameters<typeof entityReadFilter>[1]) =>
    entityReadFilter(services.permissions, credentials);
  return {
    async getEntitiesByQuery({ query, credentials, reply }) {
      const json = await queryEntities(deps, {
        filterParams: paramList(query.filter as QueryParam),
        orderFields: parseOrderFields(query.orderField as QueryParam),
        fullTextFilter: {
          term: query.fullTextFilterTerm,
          fields: parseFieldsParam(query.fullTextFilterFields as QueryParam)?.map((parts) => parts.join('.')),
        },
        limit: query.limit,
        offset: query.offset,
        totalItems: query.totalItems,
        cursor: query.cursor,
        fields: parseFieldsParam(query.fields as QueryParam),
        permission: await permissionOf(credentials),
      });
      sendJson(reply, json);
      return undefined;
    },
    async queryEntitiesByPredicate({ body, credentials, reply }) {
      if (body.query !== undefined) predicateToFilter(body.query);
      const json = await queryEntities(deps, {
        predicate: body.query,
        orderFields: body.orderBy,
        fullTextFilter: body.fullTextFilter,
        limit: body.limit,
        offset: body.offset,
        totalItems: body.totalItems,
        cursor: body.cursor,
        fields: parseFieldsParam(body.fields ?? []),
        permission: await permissionOf(credentials),
      });
      sendJson(reply, json);
      return undefined;
    },
    async getEntitiesByRefs({ query, body, credentials, reply }) {
      const filter = andFilters(
        parseFilterParams(query.filter as QueryParam),
        body.query ? predicateToFilter(body.query) : undefined,
      );
      const visible = visibleFilter(filter, await permissionOf(credentials));
      sendJson(
        reply,
        await entitiesByRefs(services.reader, body.entityRefs, visible, parseFieldsParam(body.fields ?? [])),
      );
      return undefined;
    },
    async getEntityFacets({ query, credentials }) {
      const names = paramList(query.facet as QueryParam);
      if (names.length === 0) throw new InputError('Missing facet parameter');
      if (names.length > CATALOG_LIMITS.maxFacets)
        throw new InputError(`Invalid facet parameter: ${overLimit(`${names.length} facets`, 'maxFacets')}`);
      const filter = visibleFilter(
        parseFilterParams(query.filter as QueryParam),
        await permissionOf(credentials),
      );
      return facets(services, names, filter, {
        term: query.fullTextFilterTerm,
        fields: parseFieldsParam(query.fullTextFilterFields as QueryParam)?.map((parts) => parts.join('.')),
      });
    },
    async queryEntityFacetsByPredicate({ body, credentials }) {
      const filter = visibleFilter(
        body.query ? predicateToFilter(body.query) : undefined,
        await permissionOf(credentials),
      );
      return facets(services, body.facets, filter, body.fullTextFilter);
    },
    async getEntityAncestryByName({ params, credentials }) {
      return entityAncestry(services.reader, stringifyEntityRef(params), await permissionOf(credentials));
    },
  };
}
