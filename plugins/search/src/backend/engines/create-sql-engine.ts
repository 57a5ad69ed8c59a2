import { sql } from '@atrium/kernel';
import type { Kysely, RawBuilder } from 'kysely';
import { loadDocuments, rowsToCandidates } from './engine-rows.js';
import type { MatchRequest, SearchEngine } from './search-engine.js';
import { writeDocuments } from './write-documents.js';

// biome-ignore lint/suspicious/noExplicitAny: raw SQL over the plugin's own tables.
export type SearchDb = Kysely<any>;

/** A candidate row as both databases answer it (PostgreSQL gives bigint ids as strings). */
export type CandidateRow = { id: number | string; type: string; resource_ref: string | null };

/** What differs between the databases: the exact match, the typo match and highlighting. */
export interface SearchDialect {
  client: 'sqlite' | 'postgres';
  /** `<from and where>` and `<order by>` of an exact (or, without tokens, browsing) query. */
  exact(request: MatchRequest): { from: RawBuilder<unknown>; order: RawBuilder<unknown> };
  /** Typo matches, best first, at most FUZZY_CANDIDATE_LIMIT. */
  fuzzy(db: SearchDb, request: MatchRequest): Promise<CandidateRow[]>;
  highlights(
    ids: readonly number[],
    tokens: readonly string[],
  ): RawBuilder<{ id: number | string; title: string; text: string }>;
}

/** An engine over the plugin's `search_documents` table in one database's dialect. */
export function createSqlEngine(db: SearchDb, dialect: SearchDialect): SearchEngine {
  return {
    upsert: (type, documents, indexedAt) => writeDocuments(db, type, documents, indexedAt, dialect.client),
    async replaceResource(type, resourceRef, documents) {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('search_documents')
          .where('type', '=', type)
          .where('resource_ref', '=', resourceRef)
          .execute();
        await writeDocuments(trx, type, documents, Date.now(), dialect.client);
      });
    },
    async removeStale(type, indexedAt) {
      const result = await db
        .deleteFrom('search_documents')
        .where('type', '=', type)
        .where('indexed_at', '<', indexedAt)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async count(request, mode) {
      if (mode === 'fuzzy') return (await dialect.fuzzy(db, request)).length;
      const { from } = dialect.exact(request);
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${from}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async candidates(request, mode, page) {
      if (mode === 'fuzzy') {
        return rowsToCandidates(
          (await dialect.fuzzy(db, request)).slice(page.offset, page.offset + page.limit),
        );
      }
      const { from, order } = dialect.exact(request);
      const { rows } = await sql<CandidateRow>`
        select d.id, d.type, d.resource_ref from ${from} order by ${order}
        limit ${page.limit} offset ${page.offset}`.execute(db);
      return rowsToCandidates(rows);
    },
    load: (ids, tokens, mode) =>
      loadDocuments(
        db,
        ids,
        mode === 'exact' && tokens.length > 0 ? dialect.highlights(ids, tokens) : undefined,
      ),
  };
}
