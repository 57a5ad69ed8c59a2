import { sql } from '@atrium/kernel';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import type { MatchRequest } from './search-engine.js';

/** Terms this short (typeahead's first letters) list the titles they begin first. */
export const TITLE_FIRST_MAX_LENGTH = 2;

type Page = { offset: number; limit: number };

/** The dialect's ranking as {@link titleFirst} uses it: a page in rank order and a count. */
export interface TitleFirstRanking {
  slice(request: MatchRequest, page: Page): Promise<{ rows: readonly CandidateRow[]; total: number }>;
  count(request: MatchRequest): Promise<number>;
}

/** Whether a request is a one- or two-letter term with no field filter (types only). */
export function isTitleFirst(request: MatchRequest): boolean {
  return (
    request.tokens.length === 1 &&
    request.tokens[0]!.length <= TITLE_FIRST_MAX_LENGTH &&
    request.titleNotBeginning === undefined &&
    Object.keys(request.filters).length === 0
  );
}

// The titles beginning with `prefix`: an index range, and `substr` keeps it exact under any collation.
const begins = (prefix: string) => {
  const last = prefix.codePointAt(prefix.length - 1)!;
  const above = prefix.slice(0, -1) + String.fromCodePoint(last + 1);
  return sql`d.exact_title >= ${prefix} and d.exact_title < ${above}
    and substr(d.exact_title, 1, ${prefix.length}) = ${prefix}`;
};

/**
 * One or two letters match tens of thousands of documents at 100k, and ranking them all
 * (bm25 / ts_rank per match) took 40-60 ms a query. Such a term lists the documents whose
 * title begins with it first, in title order, straight from the title index; the other
 * matches follow in the usual rank order (the dialect's ranking, told to leave those
 * titles out). Every title beginning with the term also matches it, so the total is the
 * count of all matches, or the titles plus the rest.
 */
export async function titleFirst(
  db: SearchDb,
  ranking: TitleFirstRanking,
  request: MatchRequest,
  page: Page,
): Promise<{ rows: CandidateRow[]; total: number }> {
  const prefix = request.tokens[0]!;
  // `d.type || ''` keeps the planner on the title index: without statistics (before the
  // first rebuild's ANALYZE) SQLite took the type index and sorted all 105k rows (150 ms).
  const where = sql`${begins(prefix)} and (d.type || '') in (${sql.join(request.types)})`;
  const { rows: titles } = await sql<CandidateRow>`
    select d.id, d.type, d.resource_ref from search_documents d where ${where}
    order by d.exact_title, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  if (titles.length === page.limit) return { rows: titles, total: await ranking.count(request) };
  const titled =
    titles.length > 0
      ? page.offset + titles.length
      : Number(
          (
            await sql<{
              n: number | string;
            }>`select count(*) as n from search_documents d where ${where}`.execute(db)
          ).rows[0]?.n ?? 0,
        );
  const rest = await ranking.slice(
    { ...request, titleNotBeginning: prefix },
    { offset: Math.max(0, page.offset - titled), limit: page.limit - titles.length },
  );
  return { rows: [...titles, ...rest.rows], total: titled + rest.total };
}
