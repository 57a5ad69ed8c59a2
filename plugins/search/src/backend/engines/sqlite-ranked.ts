import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import type { MatchRequest } from './search-engine.js';

/** How long the set of indexed types is trusted without a write of this process. */
const typesTtlMs = 2_000;

type Fts = (tokens: readonly string[]) => string;
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

type PageRow = CandidateRow & { total: number; is_exact: number; rank: number };

// Ranks an exact name or title match (found by index) first, then by FTS5's rank.
const exactFirst = (tokens: readonly string[]) => {
  const key = tokens.join(' ');
  return sql`search_fts.rowid in (select id from search_documents where exact_name = ${key}
    union select id from search_documents where exact_title = ${key})`;
};

async function countMatches(
  db: SearchDb,
  fts: Fts,
  filters: Filters,
  request: MatchRequest,
  filtered: boolean,
) {
  const match = fts(request.tokens);
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

// One pass of the full-text index gives the page and (as a window count) the total; only
// the page's rows are read from the documents table.
async function unfilteredPage(db: SearchDb, fts: Fts, request: MatchRequest, page: Page) {
  const { rows } = await sql<PageRow>`
    select d.id, d.type, d.resource_ref, f.total, f.is_exact, f.rank from (
      select rowid as id, rank, ${exactFirst(request.tokens)} as is_exact, count(*) over () as total
      from search_fts where search_fts match ${fts(request.tokens)}
      order by is_exact desc, rank, rowid limit ${page.limit} offset ${page.offset}
    ) f join search_documents d on d.id = f.id order by f.is_exact desc, f.rank, f.id`.execute(db);
  return rows;
}

// With a type or field filter every match is joined to its document, still in one pass.
async function filteredPage(db: SearchDb, fts: Fts, filters: Filters, request: MatchRequest, page: Page) {
  const { rows } = await sql<PageRow>`
    select d.id, d.type, d.resource_ref, count(*) over () as total, ${exactFirst(request.tokens)} as is_exact, search_fts.rank as rank
    from search_fts join search_documents d on d.id = search_fts.rowid
    where search_fts match ${fts(request.tokens)} and ${filters(request)}
    order by is_exact desc, rank, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

/**
 * Exact (word) matches in one pass of the full-text index: FTS5 ranks with its configured
 * `bm25(10, 4, 1)`, exact name or title matches (found by their indexes, not by testing
 * every match) first, the total as a window count. The documents table is joined for
 * the page's rows only, unless a filter applies (a type the caller may not see is
 * indexed, or a field filter).
 */
export function createSqliteRanking(db: SearchDb, fts: Fts, filters: Filters) {
  const indexedTypes = createIndexedTypes(db);

  async function needsFilter(request: MatchRequest): Promise<boolean> {
    if (Object.keys(request.filters).length > 0) return true;
    return (await indexedTypes.get()).some((type) => !request.types.includes(type));
  }

  async function sliceOf(
    request: MatchRequest,
    page: Page,
    filtered: boolean,
  ): Promise<{ rows: CandidateRow[]; total: number }> {
    const rows = filtered
      ? await filteredPage(db, fts, filters, request, page)
      : await unfilteredPage(db, fts, request, page);
    // Past the last page no row carries the total: count on its own.
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : page.offset > 0
          ? await countMatches(db, fts, filters, request, filtered)
          : 0;
    return { rows: rows.map(({ id, type, resource_ref }) => ({ id, type, resource_ref })), total };
  }

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
    /** Forgets the indexed types (a write of this process may have added one). */
    written: () => indexedTypes.forget(),
  };
}
