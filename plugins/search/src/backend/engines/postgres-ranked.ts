import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import type { MatchRequest } from './search-engine.js';

/**
 * Exact (word) matches on PostgreSQL without a window over every match: the count is a
 * plain GIN count (no ranking), exact name or title matches come from their indexes,
 * then one top-N sort under a LIMIT of what the page needs orders the rest by tier (every
 * word in the title or the keywords, weights A and B, first) and ts_rank within a tier.
 * The tier is tested on the row the sort reads anyway: a separate weighted query per
 * tier would have GIN recheck every candidate's tsvector once more.
 */
export function createPostgresRanking(
  db: SearchDb,
  tsquery: (tokens: readonly string[], weights?: string) => RawBuilder<unknown>,
  filters: (request: MatchRequest) => RawBuilder<unknown>,
) {
  const rank = (request: MatchRequest) =>
    sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, ${tsquery(request.tokens)})`;
  const matches = (request: MatchRequest) =>
    sql`d.tsv @@ (${tsquery(request.tokens)}) and ${filters(request)}`;
  const named = (request: MatchRequest) => sql`d.tsv @@ (${tsquery(request.tokens, 'AB')})`;

  async function count(request: MatchRequest): Promise<number> {
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from search_documents d where ${matches(request)}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  }

  async function exactMatches(request: MatchRequest): Promise<CandidateRow[]> {
    const key = request.tokens.join(' ');
    const { rows } = await sql<CandidateRow>`
      select d.id, d.type, d.resource_ref from search_documents d
      where (d.exact_name = ${key} or d.exact_title = ${key}) and ${matches(request)}
      order by ${rank(request)} desc, d.id`.execute(db);
    return rows;
  }

  async function best(
    request: MatchRequest,
    n: number,
    skip: readonly (number | string)[],
  ): Promise<CandidateRow[]> {
    const notExact = skip.length > 0 ? sql`and d.id not in (${sql.join([...skip])})` : sql``;
    const { rows } = await sql<CandidateRow>`
      select d.id, d.type, d.resource_ref from search_documents d where ${matches(request)} ${notExact}
      order by ${named(request)} desc, ${rank(request)} desc, d.id limit ${n}`.execute(db);
    return rows;
  }

  /** Matches `offset` to `offset + limit` in rank order, and the number of all of them. */
  async function slice(
    request: MatchRequest,
    page: { offset: number; limit: number },
  ): Promise<{ rows: CandidateRow[]; total: number }> {
    const [total, exact] = await Promise.all([count(request), exactMatches(request)]);
    const need = page.offset + page.limit;
    // Nothing matches (typos, before their correction): no ranking query at all.
    const rest =
      exact.length >= need || total === exact.length
        ? []
        : await best(
            request,
            need - exact.length,
            exact.map((row) => row.id),
          );
    return { rows: [...exact, ...rest].slice(page.offset, need), total };
  }

  return { slice, count };
}
