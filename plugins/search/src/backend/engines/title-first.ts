import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import { beginsWith, firstAfterPrefix } from './begins-with.js';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import type { Ranking } from './engine-rows.js';
import type { MatchRequest } from './search-engine.js';

type Page = { offset: number; limit: number };

/** How a database lists the titles that begin with a prefix: the condition and the order, both served by one index. */
export interface TitleRange {
  /** Terms up to this long (typeahead's first letters) list the titles they begin first. */
  maxLength: number;
  where(prefix: string, types: readonly string[]): RawBuilder<unknown>;
  order: RawBuilder<unknown>;
}

/**
 * SQLite: `d.type || ''` keeps the planner on the title index: without statistics (before
 * the first rebuild's ANALYZE) SQLite took the type index and sorted all 105k rows (150 ms).
 * Two letters at most: from three, the Porter stemmer changes the prefix (`pay` -> `pai`)
 * and the query matches at most 8 known words it begins (search-corrections.ts), so a
 * title could begin with the term yet not be among the matches the total counts.
 */
export const sqliteTitleRange: TitleRange = {
  maxLength: 2,
  where: (prefix, types) =>
    sql`${beginsWith(sql.ref('d.exact_title'), prefix)} and (d.type || '') in (${sql.join([...types])})`,
  order: sql`d.exact_title, d.id`,
};

// Code point order, whatever the database's collation: the range alone is then exact.
const byteTitle = sql`d.exact_title collate "C"`;

/**
 * PostgreSQL: a range in byte order over the index on (exact_title collate "C", id), read in
 * order until the page is full. With `substr` (needed under a linguistic collation) the
 * planner guessed 20 of 4,500 rows, fetched them all and sorted them: 5-60 ms for 'ca'
 * against 0.2 ms.
 */
export const postgresTitleRange: TitleRange = {
  // The titles are indexed unstemmed ('simple'): every title beginning with a term matches it.
  maxLength: 3,
  where: (prefix, types) =>
    sql`${byteTitle} >= ${prefix} and ${byteTitle} < ${firstAfterPrefix(prefix)} and d.type in (${sql.join([...types])})`,
  order: sql`${byteTitle}, d.id`,
};

/** Whether a request is one word of at most `range.maxLength` letters with no field filter (types only). */
export function isTitleFirst(request: MatchRequest, range: TitleRange): boolean {
  return (
    request.tokens.length === 1 &&
    request.tokens[0]!.length <= range.maxLength &&
    request.excludeTitlesFirst === undefined &&
    Object.keys(request.filters).length === 0
  );
}

// The documents named exactly `prefix` whose title begins otherwise (a group `sre` titled
// "Site Reliability"): a name typed in full comes before the titles. All of them (an index
// lookup; names are unique within a kind), since the rest leaves them out.
async function namedExactly(db: SearchDb, prefix: string, types: readonly string[]) {
  const { rows } = await sql<CandidateRow>`
    select d.id, d.type, d.resource_ref from search_documents d
    where d.exact_name = ${prefix} and substr(d.exact_title, 1, ${prefix.length}) <> ${prefix}
      and (d.type || '') in (${sql.join([...types])})
    order by d.id`.execute(db);
  return rows;
}

// The titles beginning with the prefix at `page`, and, for a page they do not fill, how
// many there are in all (counted apart when the page starts past them).
async function titlesBeginning(db: SearchDb, range: TitleRange, request: MatchRequest, page: Page) {
  const where = range.where(request.tokens[0]!, request.types);
  const { rows } = await sql<CandidateRow>`
    select d.id, d.type, d.resource_ref from search_documents d where ${where}
    order by ${range.order} limit ${page.limit} offset ${page.offset}`.execute(db);
  // Rows, or none from the start: the total is known without counting.
  if (rows.length > 0 || page.offset === 0) return { rows, all: page.offset + rows.length };
  const { rows: counted } = await sql<{ n: number | string }>`
    select count(*) as n from search_documents d where ${where}`.execute(db);
  return { rows, all: Number(counted[0]?.n ?? 0) };
}

/**
 * One to three letters match thousands to tens of thousands of documents at 100k, and
 * ranking them all (bm25 / ts_rank per match) took 40-60 ms a query for one or two
 * letters, 20-45 ms on PostgreSQL for three ('not': 13,499 matches). Such a term lists
 * first the documents named exactly that, then those whose title begins with it, in title
 * order, straight from the title index; the other matches follow in the usual rank order
 * (the dialect's ranking, told to leave those out). All of them match the term, so the
 * total is the count of all matches, or the three parts added up.
 */
export async function titleFirst(
  db: SearchDb,
  ranking: Ranking,
  range: TitleRange,
  request: MatchRequest,
  page: Page,
): Promise<{ rows: CandidateRow[]; total: number }> {
  const prefix = request.tokens[0]!;
  const names = await namedExactly(db, prefix, request.types);
  const named = names.slice(page.offset, page.offset + page.limit);
  const afterNames = { offset: Math.max(0, page.offset - names.length), limit: page.limit - named.length };
  if (afterNames.limit === 0) return { rows: named, total: await ranking.count(request) };
  const titles = await titlesBeginning(db, range, request, afterNames);
  if (titles.rows.length === afterNames.limit) {
    return { rows: [...named, ...titles.rows], total: await ranking.count(request) };
  }
  const rest = await ranking.slice(
    { ...request, excludeTitlesFirst: prefix },
    { offset: Math.max(0, afterNames.offset - titles.all), limit: afterNames.limit - titles.rows.length },
  );
  return { rows: [...named, ...titles.rows, ...rest.rows], total: names.length + titles.all + rest.total };
}
