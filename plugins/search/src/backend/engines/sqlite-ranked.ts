import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import type { MatchRequest } from './search-engine.js';

/** How long the set of indexed types is trusted without a write of this process. */
const typesTtlMs = 2_000;
/** Past this window a filtered query stops widening (the index holds far fewer rows). */
const maxWindow = 50_000_000;

type Fts = (tokens: readonly string[]) => string;
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

async function exactMatches(db: SearchDb, fts: Fts, filters: Filters, request: MatchRequest) {
  const key = request.tokens.join(' ');
  const { rows } = await sql<CandidateRow>`
    select d.id, d.type, d.resource_ref from (
      select rowid as id, rank from search_fts where search_fts match ${fts(request.tokens)}
        and rowid in (select id from search_documents where exact_name = ${key} union select id from search_documents where exact_title = ${key})
    ) f join search_documents d on d.id = f.id where ${filters(request)} order by f.rank, f.id`.execute(db);
  return rows;
}

// The best `n` by rank, then filtered: the filtered best come from them while enough survive.
async function bestMatches(db: SearchDb, fts: Fts, filters: Filters, request: MatchRequest, n: number) {
  const { rows } = await sql<CandidateRow>`
    select d.id, d.type, d.resource_ref from (
      select rowid as id, rank from search_fts where search_fts match ${fts(request.tokens)}
      order by rank, rowid limit ${n}
    ) f join search_documents d on d.id = f.id where ${filters(request)} order by f.rank, f.id`.execute(db);
  return rows;
}

/**
 * Exact (word) matches ranked without ranking every match: FTS5 sorts by its configured
 * rank (`bm25(10, 4, 1)`) inside the full-text query, for only as many as the page needs;
 * exact name or title matches come first from their indexes. The count is FTS5's own
 * when no filter applies (the caller may see every indexed type), else a join.
 */
export function createSqliteRanking(db: SearchDb, fts: Fts, filters: Filters) {
  const indexedTypes = createIndexedTypes(db);

  async function needsFilter(request: MatchRequest): Promise<boolean> {
    if (Object.keys(request.filters).length > 0) return true;
    return (await indexedTypes.get()).some((type) => !request.types.includes(type));
  }

  async function sliceOf(
    request: MatchRequest,
    page: { offset: number; limit: number },
    filtered: boolean,
  ): Promise<{ rows: CandidateRow[]; total: number }> {
    const total = await countMatches(db, fts, filters, request, filtered);
    const exact = await exactMatches(db, fts, filters, request);
    const exactIds = new Set(exact.map((row) => Number(row.id)));
    const need = page.offset + page.limit;
    let rest: CandidateRow[] = [];
    // Unfiltered, the first `need` are the answer; filtered, widen until enough pass (or all did).
    for (let n = need + exact.length; ; n *= 4) {
      rest = (await bestMatches(db, fts, filters, request, n)).filter((row) => !exactIds.has(Number(row.id)));
      if (exact.length + rest.length >= Math.min(need, total) || n > maxWindow) break;
    }
    return { rows: [...exact, ...rest].slice(page.offset, need), total };
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
