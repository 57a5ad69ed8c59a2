import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import type { CandidateRow, SearchDb } from './create-sql-engine.js';
import type { MatchRequest } from './search-engine.js';

/**
 * Exact (word) matches on PostgreSQL without a window over every match: the count is a
 * plain GIN count (no ranking), exact name or title matches come from their indexes,
 * then ts_rank orders, under a LIMIT of what the page needs (a top-N sort), first the
 * matches with every word in the title or the keywords (weights A and B) and only when
 * the page reaches past them the matches that mention a word only in the text.
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

  // The best `n` matches of one tier (`named` or not), leaving out `skip` (those ranked already).
  async function best(
    request: MatchRequest,
    tier: { named: boolean; n: number },
    skip: readonly (number | string)[],
  ): Promise<CandidateRow[]> {
    if (tier.n <= 0) return [];
    const notRanked = skip.length > 0 ? sql`and d.id not in (${sql.join([...skip])})` : sql``;
    const inTier = tier.named ? named(request) : sql`not (${named(request)})`;
    const { rows } = await sql<CandidateRow>`
      select d.id, d.type, d.resource_ref from search_documents d where ${matches(request)} and ${inTier} ${notRanked}
      order by ${rank(request)} desc, d.id limit ${tier.n}`.execute(db);
    return rows;
  }

  /** Matches `offset` to `offset + limit` in rank order, and the number of all of them. */
  async function slice(
    request: MatchRequest,
    page: { offset: number; limit: number },
  ): Promise<{ rows: CandidateRow[]; total: number }> {
    const [total, exact] = await Promise.all([count(request), exactMatches(request)]);
    const need = page.offset + page.limit;
    const ranked = [...exact];
    const skip = exact.map((row) => row.id);
    // Nothing matches (typos, before their correction): no ranking query at all.
    if (ranked.length < need && ranked.length < total)
      ranked.push(...(await best(request, { named: true, n: need - ranked.length }, skip)));
    if (ranked.length < need && ranked.length < total)
      ranked.push(...(await best(request, { named: false, n: need - ranked.length }, skip)));
    return { rows: ranked.slice(page.offset, need), total };
  }

  return { slice };
}
