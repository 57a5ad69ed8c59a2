import type { IndexableDocument } from '../../common/search-types.js';

/** What a query matches, before permissions and paging. */
export interface MatchRequest {
  /** Words from {@link toSearchTokens}; the last one also matches as a prefix. Empty: every document. */
  tokens: string[];
  types: string[];
  /** Field -> accepted values (any of them, case-insensitive). */
  filters: Record<string, string[]>;
  /**
   * Leaves out the documents a titles-first term lists before the rest (title-first.ts):
   * those named exactly this and those whose title begins with it.
   */
  excludeTitlesFirst?: string;
  /**
   * Known words the last token begins, matched as prefixes too (SQLite): its stemmer can
   * read a prefix as another word ('pay' as 'pai', 'shipp' where 'shipping' is stored as 'ship').
   */
  prefixWords?: readonly string[];
}

/** A matching document, in rank order. */
export interface Candidate {
  id: number;
  type: string;
  resourceRef: string | null;
}

/** A document's title and a text snippet with the query's matches marked. */
export type HighlightRow = { id: number | string; title: string; text: string };

/** A stored document with its highlighted fields. */
export interface LoadedDocument {
  id: number;
  type: string;
  document: IndexableDocument;
  highlight: Record<string, string>;
}

/**
 * An index over one database. `exact` matching is full-text (words, last word as a
 * prefix); `fuzzy` is the typo fallback (trigrams), used when nothing matches exactly.
 */
export interface SearchEngine {
  /** Writes documents, replacing those of the same type and location. */
  upsert(type: string, documents: readonly IndexableDocument[], indexedAt: number): Promise<void>;
  /** Replaces every document of one resource (none: removes them). */
  replaceResource(type: string, resourceRef: string, documents: readonly IndexableDocument[]): Promise<void>;
  /** Removes a type's documents written before `indexedAt` (left over from an earlier rebuild). */
  removeStale(type: string, indexedAt: number): Promise<number>;
  /**
   * A number every write above raises once it has committed (on any backend): answers
   * computed after reading one version stay true until it changes.
   */
  indexVersion(): Promise<number>;
  /**
   * Refreshes the query planner's statistics after a full rebuild. Without them PostgreSQL
   * plans the first queries after a rebuild on guesses: at 100k it took the type filter for
   * 3% of the rows and read all 105k entries of its index for every word query. PostgreSQL
   * also merges the GIN indexes' pending lists, which every query scans until merged.
   */
  refreshStatistics(): Promise<void>;
  /**
   * Versions of the request's tokens with unknown words replaced by known words of the
   * index (typo correction by vocabulary lookups), best first; none when nothing could be
   * replaced.
   */
  correct(request: MatchRequest): Promise<string[][]>;
  count(request: MatchRequest, mode: 'exact' | 'fuzzy'): Promise<number>;
  /** One page of matches and the number of all of them, in one query where it can. */
  page(
    request: MatchRequest,
    mode: 'exact' | 'fuzzy',
    page: { offset: number; limit: number },
  ): Promise<{ candidates: Candidate[]; total: number }>;
  candidates(
    request: MatchRequest,
    mode: 'exact' | 'fuzzy',
    page: { offset: number; limit: number },
  ): Promise<Candidate[]>;
  /** The documents of these ids (in that order), highlighted for the tokens. */
  load(ids: readonly number[], tokens: readonly string[], mode: 'exact' | 'fuzzy'): Promise<LoadedDocument[]>;
}

/** The most fuzzy candidates a query considers: typo matches past these are noise. */
export const FUZZY_CANDIDATE_LIMIT = 200;
