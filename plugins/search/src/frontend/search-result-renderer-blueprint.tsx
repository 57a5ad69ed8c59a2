import { defineBlueprint, defineExtensionDataRef, defineExtensionInput } from '@atrium/web-kernel';
import type { ComponentType } from 'react';
import type { SearchResult } from '../common/search-types.js';

/** How one document type's results are shown on the search page. */
export interface SearchResultRenderer {
  /** The document type it renders, e.g. `software-catalog`. */
  type: string;
  /** A label for the type filter and result groups, e.g. `Software Catalog`. */
  label: string;
  component: ComponentType<{ result: SearchResult }>;
}

/** Extension data of a result renderer. */
export const searchResultRendererData =
  defineExtensionDataRef<SearchResultRenderer>('search.result-renderer');

/** The input `api:search/result-renderers` offers for renderers. */
export const searchResultRenderersInput = defineExtensionInput({ renderer: searchResultRendererData });

/**
 * A renderer of one document type's results (`api:search/result-renderers`, input
 * `renderers`), used by the search page and the modal's group labels alike; types
 * without one get the default: title, highlighted text, fields.
 *
 * @example
 * SearchResultRendererBlueprint.make({
 *   name: 'techdocs',
 *   params: { type: 'techdocs', label: 'Documentation', component: DocsResult },
 * });
 */
export const SearchResultRendererBlueprint = defineBlueprint({
  kind: 'search-result-renderer',
  attachTo: { id: 'api:search/result-renderers', input: 'renderers' },
  output: { renderer: searchResultRendererData },
  factory: (params: SearchResultRenderer) => ({ renderer: params }),
});
