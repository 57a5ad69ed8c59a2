import { type DatabaseService, sql } from '@atrium/kernel';
import {
  type CandidateRow,
  createSqlEngine,
  filterSql,
  type SearchConnections,
  type SearchDb,
} from './create-sql-engine.js';
import { rankedPaging } from './engine-rows.js';
import { prefixWordsOf } from './search-corrections.js';
import { FUZZY_CANDIDATE_LIMIT, type MatchRequest, type SearchEngine } from './search-engine.js';
import { createSqliteHighlighter } from './sqlite-highlighter.js';
import { createSqliteRanking } from './sqlite-ranked.js';
import { exactKeyOf } from './stored-document.js';
import { sqliteTitleRange } from './title-first.js';

// Words are quoted ("word"), so FTS5 reads none of them as syntax, and joined by an explicit
// AND (FTS5 allows no implicit AND beside a parenthesis); the last one is a prefix,
// or any of the known words it begins.
function ftsExpression(request: { tokens: readonly string[]; prefixWords?: readonly string[] }): string {
  const { tokens, prefixWords = [] } = request;
  return tokens
    .map((token, i) => {
      if (i < tokens.length - 1) return `"${token}"`;
      const prefixes = [token, ...prefixWords.filter((word) => word !== token)].map((word) => `"${word}"*`);
      return prefixes.length === 1 ? prefixes[0] : `(${prefixes.join(' OR ')})`;
    })
    .join(' AND ');
}

// Any shared trigram matches; bm25 over trigrams ranks by how many a field shares.
function trigramExpression(tokens: readonly string[]): string | undefined {
  const grams = new Set<string>();
  for (const token of tokens) {
    for (let i = 0; i + 3 <= token.length; i++) grams.add(token.slice(i, i + 3));
  }
  return grams.size === 0 ? undefined : [...grams].map((g) => `"${g}"`).join(' OR ');
}

const filters = (request: MatchRequest) =>
  filterSql(request, (field) => sql`json_extract(d.document, ${`$."${field}"`})`);

async function exact(request: MatchRequest) {
  if (request.tokens.length === 0) {
    return {
      from: sql`search_documents d where ${filters(request)}`,
      ranks: sql`d.title as r_title`,
      order: sql`r_title, id`,
    };
  }
  return {
    from: sql`search_fts join search_documents d on d.id = search_fts.rowid
      where search_fts match ${ftsExpression(request)} and ${filters(request)}`,
    ranks: sql`instr(d.exact_keys, ${exactKeyOf(request.tokens)}) = 0 as r_exact, bm25(search_fts, 10.0, 4.0, 1.0) as r_score`,
    order: sql`r_exact, r_score, id`,
  };
}

async function fuzzy(db: SearchDb, request: MatchRequest): Promise<CandidateRow[]> {
  const grams = trigramExpression(request.tokens);
  if (!grams) return [];
  const { rows } = await sql<CandidateRow>`
    select d.id, d.type, d.resource_ref from search_trigrams join search_documents d on d.id = search_trigrams.rowid
    where search_trigrams match ${grams} and ${filters(request)}
    order by bm25(search_trigrams, 2.0, 1.0), d.id limit ${FUZZY_CANDIDATE_LIMIT}`.execute(db);
  return rows;
}

/**
 * The SQLite engine: FTS5 with BM25, title weighted above keywords (name, owner, kind...)
 * above text; an exact name or title match first; trigrams for typos.
 */
export function createSqliteEngine(database: DatabaseService, connections: SearchConnections): SearchEngine {
  const db = connections.read;
  const highlight = createSqliteHighlighter(db);
  const engine = createSqlEngine(database, connections, {
    client: 'sqlite',
    exact,
    fuzzy: (request) => fuzzy(db, request),
    highlights: async (ids, tokens) =>
      highlight(ids, ftsExpression({ tokens, prefixWords: await prefixWordsOf(db, tokens) })),
  });
  const ranking = createSqliteRanking(db, ftsExpression, filters);
  const paged = rankedPaging(engine, ranking, db, sqliteTitleRange);
  const expanded = async (request: MatchRequest, mode: 'exact' | 'fuzzy') =>
    mode === 'exact' ? { ...request, prefixWords: await prefixWordsOf(db, request.tokens) } : request;
  return {
    ...engine,
    async upsert(type, documents, indexedAt) {
      await engine.upsert(type, documents, indexedAt);
      ranking.written();
    },
    async replaceResource(type, resourceRef, documents) {
      await engine.replaceResource(type, resourceRef, documents);
      ranking.written();
    },
    count: async (request, mode) => engine.count(await expanded(request, mode), mode),
    page: async (request, mode, page) => paged.page(await expanded(request, mode), mode, page),
    candidates: async (request, mode, page) => paged.candidates(await expanded(request, mode), mode, page),
  };
}
