/**
 * A document a collator hands to search, in Backstage's IndexableDocument shape. Fields
 * besides `title`, `text`, `location` and `authorization` (kind, owner, lifecycle,
 * namespace, ...) are kept, searchable as keywords and usable as `filters[<field>]`.
 */
export interface IndexableDocument {
  title: string;
  text: string;
  /** Where the result links to, e.g. `/catalog/default/component/web`. */
  location: string;
  /** The resource the document belongs to; results are checked against it with the collator's visibility permission. */
  authorization?: { resourceRef: string };
  [field: string]: unknown;
}

/** One result of `GET /api/search/query`, as Backstage's search backend answers. */
export interface SearchResult<TDocument extends IndexableDocument = IndexableDocument> {
  type: string;
  document: TDocument;
  highlight?: { preTag: string; postTag: string; fields: Record<string, string> };
  /** 1-based position in the whole result list. */
  rank?: number;
}

/** The answer of `GET /api/search/query`. */
export interface SearchResultSet {
  results: SearchResult[];
  nextPageCursor?: string;
  previousPageCursor?: string;
  numberOfResults?: number;
}

/** A parsed search request. */
export interface SearchQuery {
  term: string;
  types?: string[];
  filters?: Record<string, string[]>;
  pageCursor?: string;
  pageLimit?: number;
}

/** Limits of a search request; longer terms and bigger pages are refused with a 400. */
export const SEARCH_LIMITS = {
  maxTermLength: 1000,
  maxPageLimit: 100,
  defaultPageLimit: 25,
  maxFilters: 20,
} as const;

/** The tags that mark matched words in `highlight.fields`. */
export const SEARCH_HIGHLIGHT_TAGS = { preTag: '<mark>', postTag: '</mark>' } as const;
