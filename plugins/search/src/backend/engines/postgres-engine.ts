import { type DatabaseService, sql } from '@atrium/kernel';
import { SEARCH_HIGHLIGHT_TAGS } from '../../common/search-types.js';
import {
  type CandidateRow,
  createSqlEngine,
  filterSql,
  type SearchConnections,
  type SearchDb,
} from './create-sql-engine.js';
import { rankedPaging } from './engine-rows.js';
import { countPrefix, isCountedPrefix } from './postgres-prefix-counts.js';
import { createPostgresRanking } from './postgres-ranked.js';
import { createTsqueryResolver, type TsqueryResolver } from './postgres-tsquery.js';
import { FUZZY_CANDIDATE_LIMIT, type MatchRequest, type SearchEngine } from './search-engine.js';
import { exactKeyOf } from './stored-document.js';
import { postgresTitleRange } from './title-first.js';

const filters = (request: MatchRequest) => filterSql(request, (field) => sql`d.document::jsonb ->> ${field}`);

function exactOf(resolve: TsqueryResolver) {
  return async (request: MatchRequest) => {
    if (request.tokens.length === 0) {
      return {
        from: sql`search_documents d where ${filters(request)}`,
        ranks: sql`d.title as r_title`,
        order: sql`r_title, id`,
      };
    }
    const { query } = await resolve(request.tokens);
    return {
      from: sql`search_documents d where d.tsv @@ ${query} and ${filters(request)}`,
      ranks: sql`position(${exactKeyOf(request.tokens)} in d.exact_keys) = 0 as r_exact, ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, ${query}) as r_score`,
      order: sql`r_exact, r_score desc, id`,
    };
  };
}

async function highlights(
  db: SearchDb,
  resolve: TsqueryResolver,
  ids: readonly number[],
  tokens: readonly string[],
) {
  const { preTag, postTag } = SEARCH_HIGHLIGHT_TAGS;
  const options = `StartSel="${preTag}", StopSel="${postTag}"`;
  const { query } = await resolve(tokens);
  return sql<{ id: string; title: string; text: string }>`
    select id, ts_headline('simple', title, ${query}, ${`${options}, HighlightAll=true`}) as title,
      ts_headline('english', body, ${query}, ${`${options}, MaxWords=35, MinWords=15`}) as text
    from search_documents where id in (${sql.join([...ids])})`
    .execute(db)
    .then((result) => result.rows);
}

/**
 * The PostgreSQL engine: a weighted tsvector (title A, keywords B, text C) ranked by
 * ts_rank, an exact name or title match first; pg_trgm word similarity for typos
 * (off when the extension could not be installed: `trigramSchema` undefined).
 */
export function createPostgresEngine(
  database: DatabaseService,
  connections: SearchConnections,
  trigramSchema: string | undefined,
): SearchEngine {
  const db = connections.read;
  const resolve = createTsqueryResolver(db);
  const fuzzy = async (request: MatchRequest): Promise<CandidateRow[]> => {
    if (!trigramSchema || request.tokens.length === 0) return [];
    const term = request.tokens.join(' ');
    const wordSimilarity = sql.raw(`${trigramSchema}.word_similarity`);
    const similarity = sql`${wordSimilarity}(${term}, lower(d.title || ' ' || d.keywords))`;
    // The operator form (word similarity above pg_trgm.word_similarity_threshold) is what
    // the trigram index answers; the function form would scan every row.
    const isSimilar = sql`${term} operator(${sql.raw(`${trigramSchema}.<%`)}) lower(d.title || ' ' || d.keywords)`;
    // 0.5 rather than pg_trgm's 0.6: one swapped letter in a ten-letter name still matches.
    // set_config(..., true) lasts for the transaction only, so pooled connections keep the default.
    const rows = await db.transaction().execute(async (trx) => {
      await sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`.execute(trx);
      const result = await sql<CandidateRow>`
        select d.id, d.type, d.resource_ref from search_documents d
        where ${isSimilar} and ${filters(request)}
        order by ${wordSimilarity}(${term}, lower(d.title)) desc, ${similarity} desc, d.id limit ${FUZZY_CANDIDATE_LIMIT}`.execute(
        trx,
      );
      return result.rows;
    });
    return rows;
  };
  const engine = createSqlEngine(database, connections, {
    client: 'postgres',
    exact: exactOf(resolve),
    fuzzy,
    highlights: (ids, tokens) => highlights(db, resolve, ids, tokens),
  });
  const count: SearchEngine['count'] = async (request, mode) =>
    (mode === 'exact' && isCountedPrefix(request) ? await countPrefix(db, request) : undefined) ??
    engine.count(request, mode);
  const counted = { ...engine, count };
  const ranking = createPostgresRanking(db, resolve, filters, (request) => count(request, 'exact'));
  return {
    ...counted,
    ...rankedPaging(counted, ranking, db, postgresTitleRange),
  };
}
