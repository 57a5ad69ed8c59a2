import { defineApiRef } from '@atrium/web-kernel';
import type { ComponentType } from 'react';
import type { SearchResult } from '../common/search-types.js';
import type { SearchResultRenderer } from './search-result-renderer-blueprint.js';

/** The result renderers of the app, for the search page, the modal and other search UIs. */
export interface SearchResultRenderers {
  readonly all: readonly SearchResultRenderer[];
  /** The type's label (`Software Catalog`), or the type name made readable (`Software template`). */
  labelOf(type: string): string;
  /** The type's component, or `undefined` when the type has no renderer. */
  componentOf(type: string): ComponentType<{ result: SearchResult }> | undefined;
}

/** Ref of the result renderers: `useApi(searchResultRenderersApiRef).labelOf(type)`. */
export const searchResultRenderersApiRef = defineApiRef<SearchResultRenderers>({
  id: 'plugin.search.result-renderers',
});

const readable = (type: string) => {
  const words = type.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The renderers by type; the first of two for one type wins (the app's order). */
export function createSearchResultRenderers(
  renderers: readonly SearchResultRenderer[],
): SearchResultRenderers {
  const byType = new Map<string, SearchResultRenderer>();
  for (const renderer of renderers) if (!byType.has(renderer.type)) byType.set(renderer.type, renderer);
  return {
    all: [...byType.values()],
    labelOf: (type) => byType.get(type)?.label ?? readable(type),
    componentOf: (type) => byType.get(type)?.component,
  };
}
