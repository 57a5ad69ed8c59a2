import { defineExtensionPoint, type EventParams, type ResourcePermission } from '@atrium/kernel';
import type { IndexableDocument } from '../../common/search-types.js';

/** The documents of one resource after a change: all of them (none when it was deleted). */
export interface ResourceDocuments {
  resourceRef: string;
  documents: IndexableDocument[];
}

/**
 * A source of search documents of one type, contributed through `search.collators`
 * (Backstage's DocumentCollatorFactory, plus optional incremental updates).
 */
export interface SearchCollator {
  /** The document type, e.g. `software-catalog`; `types[0]=` selects it. */
  type: string;
  /**
   * Checked for each result with `authorization.resourceRef`, before paging. A
   * conditional decision is resolved per resource by the permission's owning plugin.
   */
  visibilityPermission?: ResourcePermission;
  /** Every document of the type, streamed (a full rebuild reads it page by page). */
  collate(signal: AbortSignal): AsyncIterable<IndexableDocument>;
  /** Keeps the index current between rebuilds: events whose documents are re-read. */
  incremental?: {
    topics: string[];
    /** The documents of the resources an event names (an empty list removes them). */
    documentsFor(event: EventParams): Promise<ResourceDocuments[]>;
  };
}

/**
 * Where plugins add search document types. Use it from a module of `search`.
 *
 * @example
 * export const docsCollatorModule = defineModule({
 *   plugin: 'search', id: 'techdocs-collator',
 *   deps: { auth: coreServices.auth, discovery: coreServices.discovery },
 *   extensionPoints: { collators: searchCollatorsPoint },
 *   init({ deps, extensions }) { extensions.collators.add(createDocsCollator(deps)); },
 * });
 */
export const searchCollatorsPoint = defineExtensionPoint<SearchCollator>({ id: 'search.collators' });
