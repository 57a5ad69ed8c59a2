import { type DatabaseService, sql } from '@atrium/kernel';
import type { Kysely, RawBuilder } from 'kysely';
import { loadDocuments, rowsToCandidates, totalOf } from './engine-rows.js';
import { correctionsOf } from './search-corrections.js';
import type { HighlightRow, MatchRequest, SearchEngine } from './search-engine.js';
import { createVocabulary } from './search-vocabulary.js';
import { createIndexWriter } from './write-documents.js';

// biome-ignore lint/suspicious/noExplicitAny: raw SQL over the plugin's own tables.
export type SearchDb = Kysely<any>;

/** A candidate row as both databases answer it (PostgreSQL gives bigint ids as strings). */
export type CandidateRow = { id: number | string; type: string; resource_ref: string | null };

/** What differs between the databases: the exact match, the typo match and highlighting. */
export interface SearchDialect {
  client: 'sqlite' | 'postgres';
  /**
   * An exact (or, without tokens, browsing) query: `<from and where>`, the ranking values
   * as named columns (`r_*`), and `<order by>` over those names and `id`.
   */
  exact(request: MatchRequest): Promise<{
    from: RawBuilder<unknown>;
    ranks: RawBuilder<unknown>;
    order: RawBuilder<unknown>;
  }>;
  /** Typo matches, best first, at most FUZZY_CANDIDATE_LIMIT. */
  fuzzy(request: MatchRequest): Promise<CandidateRow[]>;
  /** The title and a text snippet of these documents with the tokens' matches marked. */
  highlights(ids: readonly number[], tokens: readonly string[]): Promise<HighlightRow[]>;
}

/**
 * `d.type in (...)` and each field filter (any of its values, case-insensitive), with the
 * dialect's way of reading a field of the stored document JSON.
 */
export function filterSql(
  request: MatchRequest,
  fieldOf: (field: string) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const parts = [sql`d.type in (${sql.join(request.types)})`];
  for (const [field, values] of Object.entries(request.filters)) {
    parts.push(sql`lower(${fieldOf(field)}) in (${sql.join(values.map((v) => v.toLowerCase()))})`);
  }
  const skipped = request.excludeTitlesFirst;
  if (skipped !== undefined) {
    parts.push(sql`substr(d.exact_title, 1, ${skipped.length}) <> ${skipped} and d.exact_name <> ${skipped}`);
  }
  return sql.join(parts, sql` and `);
}

/** The plugin database's connections the engine uses: `write` for the index, `read` for queries. */
export interface SearchConnections {
  /** `database`'s write connection; writes of several statements run in its transactions. */
  write: SearchDb;
  /** Its worker reader (a pool of worker threads on a SQLite file): searches run there. */
  read: SearchDb;
}

async function readIndexVersion(db: SearchDb): Promise<number> {
  const { rows } = await sql<{
    version: number | string;
  }>`select version from search_index_version where id = 1`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/** An engine over the plugin's `search_documents` table in one database's dialect. */
export function createSqlEngine(
  database: DatabaseService,
  { write, read: db }: SearchConnections,
  dialect: SearchDialect,
): SearchEngine {
  const count: SearchEngine['count'] = async (request, mode) => {
    if (mode === 'fuzzy') return (await dialect.fuzzy(request)).length;
    const { from } = await dialect.exact(request);
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${from}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  };
  const ranked = async (request: MatchRequest) => {
    const { from, ranks, order } = await dialect.exact(request);
    return sql`(select d.id, d.type, d.resource_ref, ${ranks} from ${from}) ranked order by ${order}`;
  };
  const vocabulary = createVocabulary();
  return {
    ...createIndexWriter(database, write, dialect.client, vocabulary),
    correct: (request) => correctionsOf(db, request.tokens),
    indexVersion: () => readIndexVersion(db),
    count,
    async page(request, mode, page) {
      if (mode === 'fuzzy') {
        const rows = await dialect.fuzzy(request);
        return {
          candidates: rowsToCandidates(rows.slice(page.offset, page.offset + page.limit)),
          total: rows.length,
        };
      }
      // Browsing (word queries page through the dialect's ranking): a page in title order
      // from the title index, counted apart. A window count over it kept every row for one
      // full sort: 83 ms a page on PostgreSQL at 100k.
      const { rows } = await sql<CandidateRow>`
        select id, type, resource_ref from ${await ranked(request)} limit ${page.limit} offset ${page.offset}`.execute(
        db,
      );
      return {
        candidates: rowsToCandidates(rows),
        total: await totalOf(rows, page, () => count(request, mode)),
      };
    },
    async candidates(request, mode, page) {
      if (mode === 'fuzzy') {
        return rowsToCandidates((await dialect.fuzzy(request)).slice(page.offset, page.offset + page.limit));
      }
      const { rows } = await sql<CandidateRow>`
        select id, type, resource_ref from ${await ranked(request)} limit ${page.limit} offset ${page.offset}`.execute(
        db,
      );
      return rowsToCandidates(rows);
    },
    load: (ids, tokens, mode) =>
      loadDocuments(
        db,
        ids,
        mode === 'exact' && tokens.length > 0 ? () => dialect.highlights(ids, tokens) : undefined,
      ),
  };
}
