import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import { totalOf } from './engine-rows.js';
import type { MatchRequest } from './search-engine.js';

/** How long the set of indexed types is trusted without a write of this process. */
const typesTtlMs = 2_000;

type Fts = (request: MatchRequest) => string;
type Page = { offset: number; limit: number };
type Filters = (request: MatchRequest) => RawBuilder<unknown>;

// The distinct types in the index, by index seeks (skipping through (type, doc_key)),
// remembered for a short while; `forget` after a write of this process.
function createIndexedTypes(db: SearchDb) {
  let known: { types: string[]; at: number } | undefined;
  return {
    async get(): Promise<string[]> {
      if (!known || Date.now() - known.at > typesTtlMs) {
        const { rows } = await sql<{ type: string | null }>`
          with recursive t(type) as (
            select min(type) from search_documents
            union all select (select min(type) from search_documents where type > t.type) from t where t.type is not null)
          select type from t where type is not null`.execute(db);
        known = { types: rows.map((r) => r.type!), at: Date.now() };
      }
      return known.types;
    },
    forget() {
      known = undefined;
    },
  };
}

type PageRow = CandidateRow & { is_exact: number; rank: number };

// Ranks an exact name or title match (found by index) first, then by FTS5's rank.
const exactFirst = (tokens: readonly string[]) => {
  const key = tokens.join(' ');
  return sql`search_fts.rowid in (select id from search_documents where exact_name = ${key}
    union select id from search_documents where exact_title = ${key})`;
};

async function countMatches(
  db: SearchDb,
  match: string,
  filters: Filters,
  request: MatchRequest,
  filtered: boolean,
) {
  const { rows } = filtered
    ? await sql<{
        n: number;
      }>`select count(*) as n from search_fts join search_documents d on d.id = search_fts.rowid
        where search_fts match ${match} and ${filters(request)}`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${match}`.execute(
        db,
      );
  return Number(rows[0]?.n ?? 0);
}

// The page of `match`; only the page's rows are read from the documents table. No window
// count rides along: it kept every match for a full sort where the LIMIT keeps only the
// page (5,149 matches: 5.0 -> 3.2 ms), and a plain count costs a tenth of the ranking.
async function unfilteredPage(db: SearchDb, match: string, request: MatchRequest, page: Page) {
  const { rows } = await sql<PageRow>`
    select d.id, d.type, d.resource_ref, f.is_exact, f.rank from (
      select rowid as id, rank, ${exactFirst(request.tokens)} as is_exact
      from search_fts where search_fts match ${match}
      order by is_exact desc, rank, rowid limit ${page.limit} offset ${page.offset}
    ) f join search_documents d on d.id = f.id order by f.is_exact desc, f.rank, f.id`.execute(db);
  return rows;
}

// With a type or field filter every match is joined to its document.
async function filteredPage(
  db: SearchDb,
  match: string,
  filters: Filters,
  request: MatchRequest,
  page: Page,
) {
  const { rows } = await sql<PageRow>`
    select d.id, d.type, d.resource_ref, ${exactFirst(request.tokens)} as is_exact, search_fts.rank as rank
    from search_fts join search_documents d on d.id = search_fts.rowid
    where search_fts match ${match} and ${filters(request)}
    order by is_exact desc, rank, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

/**
 * The tiers of a word query's matches, in rank order: every word in the title or the
 * keywords (name, owner, kind, tags...), then the rest (some word only in the text).
 * An exact name or title match is in the first tier (the name is a keyword).
 */
function matchTiers(match: string): { named: string; textOnly: string } {
  const named = `{title keywords} : (${match})`;
  return { named, textOnly: `(${match}) NOT (${named})` };
}
// One tier's page and a plain count of a match.
type TierQueries = {
  pageOf: (match: string, request: MatchRequest, page: Page, filtered: boolean) => Promise<PageRow[]>;
  countOf: (match: string, request: MatchRequest, filtered: boolean) => Promise<number>;
};

// The page of `all` (an FTS5 expression) in tier order: name and keyword matches, then text-only ones.
async function tieredSlice(
  { pageOf, countOf }: TierQueries,
  all: string,
  request: MatchRequest,
  page: Page,
  filtered: boolean,
): Promise<{ rows: PageRow[]; total: number }> {
  const { named, textOnly } = matchTiers(all);
  const first = await pageOf(named, request, page, filtered);
  if (first.length === page.limit) return { rows: first, total: await countOf(all, request, filtered) };
  const namedTotal = await totalOf(first, page, () => countOf(named, request, filtered));
  if (namedTotal === 0) {
    // No name or keyword match: the text-only tier is the whole match, ranked in one pass.
    const rows = await pageOf(all, request, page, filtered);
    return { rows, total: await totalOf(rows, page, () => countOf(all, request, filtered)) };
  }
  // The page runs past the first tier: its tail comes from the text-only matches, if any.
  const total = await countOf(all, request, filtered);
  if (total === namedTotal) return { rows: first, total };
  const skip = Math.max(0, page.offset - namedTotal);
  const rest = await pageOf(textOnly, request, { offset: skip, limit: page.limit - first.length }, filtered);
  return { rows: [...first, ...rest], total };
}

/**
 * Exact (word) matches, ranked tier by tier (see {@link matchTiers}): FTS5 ranks with its
 * configured `bm25(10, 4, 1)` only the tier that holds the page, so a page of name and
 * title matches never ranks the (many more) matches that mention a word only in the
 * text. Exact name or title matches (found by their indexes) come first within a tier;
 * the total is a plain count of every match (no ranking). The documents table is joined
 * for the page's rows only, unless a filter applies (a type the caller may not see is
 * indexed, or a field filter).
 */
export function createSqliteRanking(db: SearchDb, fts: Fts, filters: Filters) {
  const indexedTypes = createIndexedTypes(db);

  async function needsFilter(request: MatchRequest): Promise<boolean> {
    if (Object.keys(request.filters).length > 0 || request.excludeTitlesFirst !== undefined) return true;
    return (await indexedTypes.get()).some((type) => !request.types.includes(type));
  }

  const tiers: TierQueries = {
    pageOf: (match, request, page, filtered) =>
      filtered ? filteredPage(db, match, filters, request, page) : unfilteredPage(db, match, request, page),
    countOf: (match, request, filtered) => countMatches(db, match, filters, request, filtered),
  };
  const sliceOf = (request: MatchRequest, page: Page, filtered: boolean) =>
    tieredSlice(tiers, fts(request), request, page, filtered);

  return {
    /** Matches `offset` to `offset + limit` in rank order, and the number of all of them. */
    async slice(
      request: MatchRequest,
      page: { offset: number; limit: number },
    ): Promise<{ rows: CandidateRow[]; total: number }> {
      const filtered = await needsFilter(request);
      const answer = await sliceOf(request, page, filtered);
      // Another backend may have written a type this one has not seen yet: never show it.
      if (filtered || answer.rows.every((row) => request.types.includes(row.type))) return answer;
      indexedTypes.forget();
      return sliceOf(request, page, true);
    },
    /** The number of all matches (no ranking). */
    async count(request: MatchRequest): Promise<number> {
      return countMatches(db, fts(request), filters, request, await needsFilter(request));
    },
    /** Forgets the indexed types (a write of this process may have added one). */
    written: () => indexedTypes.forget(),
  };
}
