import { parseEntityRef } from '@atrium/catalog-model';
import type { EntityFilterSet, EntityOrderField } from '../../common/index.js';

/** The filters of the catalog index that entity facets count. */
const facetKeys = ['kind', 'type', 'owner', 'lifecycle', 'namespace', 'tag'] as const;

/** One facet filter of the catalog index; also its URL parameter name. */
export type FacetKey = (typeof facetKeys)[number];

/** The entity field each facet filters and counts. Owners go by relation, so refs are exact. */
export const facetFields: Record<FacetKey, string> = {
  kind: 'kind',
  type: 'spec.type',
  owner: 'relations.ownedBy',
  lifecycle: 'spec.lifecycle',
  namespace: 'metadata.namespace',
  tag: 'metadata.tags',
};

/** Sortable columns of the catalog table and the field each sorts by. */
export const sortFields = {
  name: 'metadata.name',
  kind: 'kind',
  type: 'spec.type',
  owner: 'spec.owner',
  lifecycle: 'spec.lifecycle',
} as const;

/** A sortable column id of the catalog table. */
export type SortColumn = keyof typeof sortFields;

/** Fields the search box matches against. */
export const fullTextFields = ['metadata.name', 'metadata.title', 'metadata.description'];

/** Page sizes the table offers. */
export const pageSizes = [10, 20, 50, 100];

/** Everything the catalog index shows, as kept in the URL's query string. */
export interface CatalogFilterState {
  facets: Record<FacetKey, string[]>;
  /** The search box text. */
  text: string;
  starredOnly: boolean;
  sort: { by: SortColumn; direction: 'asc' | 'desc' };
  pageSize: number;
  /** Zero-based page index, shown as "21–40 of N". */
  page: number;
  /** Server cursor of the page; absent on the first page. */
  cursor?: string;
}

const defaultSort = { by: 'name', direction: 'asc' } as const;
const defaultPageSize = 20;

/** The kinds the catalog opens on, as Backstage's does: Components. */
const defaultKinds: readonly string[] = ['Component'];

/**
 * The `kind` value that stands for every kind, so a link can open all of them. Kind names
 * start with a capital by convention, and a kind literally named "all" is not plausible.
 */
const allKindsParam = 'all';

const sameKinds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((kind, index) => kind.toLowerCase() === b[index]?.toLowerCase());

/** Whether the state shows the kinds the catalog opens on. */
export function hasDefaultKinds(state: CatalogFilterState): boolean {
  return sameKinds(state.facets.kind, defaultKinds);
}

/** No facet selected: every kind. */
export function emptyFacets(): Record<FacetKey, string[]> {
  return { kind: [], type: [], owner: [], lifecycle: [], namespace: [], tag: [] };
}

function parseKinds(params: URLSearchParams): string[] {
  const kinds = [...new Set(params.getAll('kind').filter((value) => value.trim() !== ''))];
  if (kinds.some((kind) => kind.toLowerCase() === allKindsParam)) return [];
  return kinds.length > 0 ? kinds : [...defaultKinds];
}

/**
 * Reads the catalog index state from a query string; unknown or malformed values fall back
 * to defaults, so a hand-edited or stale link still opens. Without a `kind` the catalog
 * shows {@link defaultKinds}; `kind=all` shows every kind.
 *
 * @example
 * parseFilterState(new URLSearchParams('kind=component&q=pay&sort=name,desc'));
 */
export function parseFilterState(params: URLSearchParams): CatalogFilterState {
  const facets = emptyFacets();
  for (const key of facetKeys) {
    facets[key] = [...new Set(params.getAll(key).filter((value) => value.trim() !== ''))];
  }
  facets.kind = parseKinds(params);
  const [by, direction] = (params.get('sort') ?? '').split(',');
  const sort =
    by && by in sortFields
      ? { by: by as SortColumn, direction: direction === 'desc' ? ('desc' as const) : ('asc' as const) }
      : defaultSort;
  const pageSize = Number(params.get('pageSize'));
  const cursor = params.get('cursor') ?? undefined;
  const page = Number(params.get('page'));
  return {
    facets,
    text: params.get('q') ?? '',
    starredOnly: params.get('starred') === 'true',
    sort,
    pageSize: pageSizes.includes(pageSize) ? pageSize : defaultPageSize,
    // A page number means nothing without the cursor that reaches it.
    page: cursor && Number.isInteger(page) && page > 0 ? page : 0,
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * Writes the state as a query string, leaving out defaults so links stay short; every
 * kind is written as `kind=all`, since no kind means the default ones.
 *
 * @example
 * serializeFilterState(state).toString(); // 'kind=API&q=pay'
 */
export function serializeFilterState(state: CatalogFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.facets.kind.length === 0) params.set('kind', allKindsParam);
  for (const key of facetKeys) {
    if (key === 'kind' && hasDefaultKinds(state)) continue;
    for (const value of state.facets[key]) params.append(key, value);
  }
  if (state.text.trim()) params.set('q', state.text);
  if (state.starredOnly) params.set('starred', 'true');
  if (state.sort.by !== defaultSort.by || state.sort.direction !== defaultSort.direction) {
    params.set('sort', `${state.sort.by},${state.sort.direction}`);
  }
  if (state.pageSize !== defaultPageSize) params.set('pageSize', String(state.pageSize));
  if (state.cursor) {
    params.set('cursor', state.cursor);
    params.set('page', String(state.page));
  }
  return params;
}

/** The server order for the state's sort column. */
export function toOrderField(state: CatalogFilterState): EntityOrderField {
  return { field: sortFields[state.sort.by], order: state.sort.direction };
}

/** The filter as the server takes it, and whether it can match anything at all. */
export interface CatalogEntityFilter {
  filter: EntityFilterSet | EntityFilterSet[];
  /** Starred-only with nothing starred (or no starred entity passing the facets). */
  matchesNothing: boolean;
}

function starredSet(base: EntityFilterSet, ref: string): EntityFilterSet | undefined {
  let compound: ReturnType<typeof parseEntityRef>;
  try {
    compound = parseEntityRef(ref);
  } catch {
    return undefined;
  }
  const allows = (key: string, value: string) => {
    const wanted = base[key];
    return !Array.isArray(wanted) || wanted.some((w) => w.toLowerCase() === value.toLowerCase());
  };
  // The same key twice in one set would OR, so a starred entity outside the kind or
  // namespace filter is dropped here instead of being added as an alternative.
  if (!allows('kind', compound.kind) || !allows('metadata.namespace', compound.namespace)) return undefined;
  return {
    ...base,
    kind: compound.kind,
    'metadata.namespace': compound.namespace,
    'metadata.name': compound.name,
  };
}

/**
 * The server filter for the state: facets ANDed, values of one facet ORed; starred-only
 * becomes one alternative per starred entity. `exclude` leaves one facet out, which is how
 * that facet's own counts are asked for.
 *
 * @example
 * toEntityFilter(state, starredRefs).filter; // { kind: ['component'], 'spec.lifecycle': ['production'] }
 */
export function toEntityFilter(
  state: CatalogFilterState,
  starredRefs: readonly string[],
  exclude?: FacetKey,
): CatalogEntityFilter {
  const base: Record<string, string[]> = {};
  for (const key of facetKeys) {
    if (key !== exclude && state.facets[key].length > 0) base[facetFields[key]] = state.facets[key];
  }
  if (!state.starredOnly) return { filter: base, matchesNothing: false };
  const sets: EntityFilterSet[] = [];
  for (const ref of starredRefs) {
    const set = starredSet(base, ref);
    if (set) sets.push(set);
  }
  return { filter: sets, matchesNothing: sets.length === 0 };
}

/**
 * Groups the facets by the filter their counts need: each facet is counted with every
 * other active filter applied, so facets without a selection of their own share a request.
 *
 * @example
 * facetRequests(state, []); // [{ facets: ['kind', 'spec.type', ...], filter: {...} }]
 */
export function facetRequests(
  state: CatalogFilterState,
  starredRefs: readonly string[],
): { facetKeys: FacetKey[]; filter: CatalogEntityFilter }[] {
  const shared = facetKeys.filter((key) => state.facets[key].length === 0);
  const own = facetKeys.filter((key) => state.facets[key].length > 0);
  return [
    ...(shared.length > 0 ? [{ facetKeys: shared, filter: toEntityFilter(state, starredRefs) }] : []),
    ...own.map((key) => ({ facetKeys: [key], filter: toEntityFilter(state, starredRefs, key) })),
  ];
}
