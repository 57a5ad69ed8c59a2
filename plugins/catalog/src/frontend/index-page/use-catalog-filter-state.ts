import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type CatalogFilterState,
  emptyFacets,
  type FacetKey,
  parseFilterState,
  type SortColumn,
  serializeFilterState,
} from './catalog-filter-state.js';

/** The catalog index state and the ways to change it; every change lands in the URL. */
export interface CatalogFilterStateHandle {
  state: CatalogFilterState;
  setFacet(key: FacetKey, values: string[]): void;
  /** Replaces the history entry, so typing does not leave one entry per keystroke. */
  setText(text: string): void;
  setStarredOnly(starredOnly: boolean): void;
  setSort(by: SortColumn, direction: 'asc' | 'desc'): void;
  setPageSize(pageSize: number): void;
  goToPage(page: number, cursor: string | undefined): void;
  clearFilters(): void;
}

type Change = (state: CatalogFilterState) => CatalogFilterState;

// Any change of what is shown starts again at the first page: old cursors belong to the old query.
const firstPage: Change = ({ cursor: _cursor, ...state }) => ({ ...state, page: 0 });

/**
 * Keeps the catalog index state in the query string, so a filtered view can be shared
 * and back/forward step through earlier filters and pages.
 *
 * @example
 * const { state, setFacet } = useCatalogFilterState();
 * setFacet('kind', ['Component']);
 */
export function useCatalogFilterState(): CatalogFilterStateHandle {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseFilterState(params), [params]);
  const update = useCallback(
    (change: Change, replace = false) =>
      setParams((previous) => serializeFilterState(change(parseFilterState(previous))), { replace }),
    [setParams],
  );
  return useMemo(
    () => ({
      state,
      setFacet: (key, values) => update((s) => firstPage({ ...s, facets: { ...s.facets, [key]: values } })),
      setText: (text) => update((s) => firstPage({ ...s, text }), true),
      setStarredOnly: (starredOnly) => update((s) => firstPage({ ...s, starredOnly })),
      setSort: (by, direction) => update((s) => firstPage({ ...s, sort: { by, direction } })),
      setPageSize: (pageSize) => update((s) => firstPage({ ...s, pageSize })),
      goToPage: (page, cursor) =>
        update((s) => (page === 0 || !cursor ? firstPage(s) : { ...s, page, cursor })),
      clearFilters: () =>
        update((s) =>
          firstPage({
            ...s,
            text: '',
            starredOnly: false,
            facets: emptyFacets(),
          }),
        ),
    }),
    [state, update],
  );
}
