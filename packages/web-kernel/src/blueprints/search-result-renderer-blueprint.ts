import { type ComponentType, lazy } from 'react';
import { z } from 'zod';
import { defineBlueprint } from '../extensions/define-blueprint.js';
import { defineExtensionDataRef } from '../extensions/extension-data-ref.js';
import { defineExtensionInput } from '../extensions/extension-input.js';

/** One search hit, in the search API's shape. */
export interface SearchResult {
  /** The document type, e.g. `software-catalog` or `techdocs`. */
  type: string;
  document: { title: string; text?: string; location: string } & Record<string, unknown>;
  rank?: number;
}

/** Props of a search result renderer component. */
export interface SearchResultRendererProps {
  result: SearchResult;
}

/** How the search page renders results it picks with `predicate`. */
export interface SearchResultRenderer {
  predicate: (result: SearchResult) => boolean;
  /** Loads on first use; render it inside Suspense. */
  component: ComponentType<SearchResultRendererProps>;
}

/** Data kinds of the search page. */
export const searchExtensionData = {
  resultRenderer: defineExtensionDataRef<SearchResultRenderer>('search.resultRenderer'),
};

/** The input the search page offers for result renderers. */
export const searchResultRenderersInput = defineExtensionInput({
  renderer: searchExtensionData.resultRenderer,
});

/** Parameters of {@link SearchResultRendererBlueprint}. */
export interface SearchResultRendererParams {
  /** Render results of this document type. */
  type?: string;
  /** Or decide per result. */
  predicate?: (result: SearchResult) => boolean;
  loader: () => Promise<ComponentType<SearchResultRendererProps>>;
}

/**
 * Renders one kind of search result on the search page (`page:search`, input
 * `resultRenderers`). Config: `type`.
 *
 * @example
 * SearchResultRendererBlueprint.make({
 *   params: { type: 'software-catalog', loader: () => import('./catalog-result.js').then((m) => m.CatalogResult) },
 * });
 */
export const SearchResultRendererBlueprint = defineBlueprint({
  kind: 'search-result-renderer',
  attachTo: { id: 'page:search', input: 'resultRenderers' },
  output: { renderer: searchExtensionData.resultRenderer },
  config: z.object({ type: z.string().optional() }),
  factory: (params: SearchResultRendererParams, { config }) => {
    const type = config.type ?? params.type;
    const predicate =
      params.predicate && !config.type
        ? params.predicate
        : (result: SearchResult) => type === undefined || result.type === type;
    const component = lazy(() => params.loader().then((loaded) => ({ default: loaded })));
    return { renderer: { predicate, component } };
  },
});
