import type { Kysely } from 'kysely';
import type { IndexableDocument } from '../../common/search-types.js';
import type { CandidateRow } from './create-sql-engine.js';
import type { Candidate, HighlightRow, LoadedDocument, MatchRequest, SearchEngine } from './search-engine.js';
import { isTitleFirst, type TitleRange, titleFirst } from './title-first.js';

// biome-ignore lint/suspicious/noExplicitAny: raw SQL over the plugin's own tables.
type Db = Kysely<any>;

/** Candidates from rows; PostgreSQL answers bigint ids as strings. */
export function rowsToCandidates(
  rows: ReadonlyArray<{ id: number | string; type: string; resource_ref: string | null }>,
): Candidate[] {
  return rows.map((row) => ({ id: Number(row.id), type: row.type, resourceRef: row.resource_ref }));
}

/**
 * The number of matches of a page's query, from the page when it ends there (a page
 * shorter than its limit), else counted.
 */
export async function totalOf(
  rows: readonly unknown[],
  page: { offset: number; limit: number },
  count: () => Promise<number>,
): Promise<number> {
  if (rows.length > 0 && rows.length < page.limit) return page.offset + rows.length;
  return rows.length === 0 && page.offset === 0 ? 0 : count();
}

/** A dialect's ranking: one page of full-text matches in rank order with the number of all of them, or that number alone. */
export interface Ranking {
  slice(
    request: MatchRequest,
    page: { offset: number; limit: number },
  ): Promise<{ rows: readonly CandidateRow[]; total: number }>;
  count(request: MatchRequest): Promise<number>;
}

/**
 * Pages word queries (exact mode with tokens) through the dialect's ranking, which sorts and
 * limits inside the full-text query, a term of a few letters titles first (see
 * title-first.ts); everything else keeps the generic path.
 */
export function rankedPaging(
  engine: SearchEngine,
  ranking: Ranking,
  db: Db,
  titles: TitleRange,
): Pick<SearchEngine, 'page' | 'candidates'> {
  const ranked = (request: MatchRequest, mode: 'exact' | 'fuzzy') =>
    mode === 'exact' && request.tokens.length > 0;
  const slice = (request: MatchRequest, page: { offset: number; limit: number }) =>
    isTitleFirst(request, titles)
      ? titleFirst(db, ranking, titles, request, page)
      : ranking.slice(request, page);
  return {
    async page(request, mode, page) {
      if (!ranked(request, mode)) return engine.page(request, mode, page);
      const { rows, total } = await slice(request, page);
      return { candidates: rowsToCandidates(rows), total };
    },
    async candidates(request, mode, page) {
      if (!ranked(request, mode)) return engine.candidates(request, mode, page);
      return rowsToCandidates((await slice(request, page)).rows);
    },
  };
}

/** The documents of `ids` in that order, with the highlighted fields the engine's query gives. */
export async function loadDocuments(
  db: Db,
  ids: readonly number[],
  highlights: (() => Promise<readonly HighlightRow[]>) | undefined,
): Promise<LoadedDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_documents')
    .select(['id', 'type', 'document'])
    .where('id', 'in', [...ids])
    .execute();
  const marked = new Map<number, Record<string, string>>();
  for (const row of highlights ? await highlights() : []) {
    marked.set(Number(row.id), { title: row.title, text: row.text });
  }
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const document = JSON.parse(row.document as string) as IndexableDocument;
    return [{ id, type: row.type as string, document, highlight: marked.get(id) ?? {} }];
  });
}
