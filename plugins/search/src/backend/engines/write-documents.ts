import { type DatabaseService, sql } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { IndexableDocument } from '../../common/search-types.js';
import { compactPrefixCounts } from './postgres-prefix-counts.js';
import type { SearchEngine } from './search-engine.js';
import { ginIndexesOfDocuments } from './search-migrations.js';
import type { SearchVocabulary } from './search-vocabulary.js';
import { type StoredDocumentRow, toStoredRow } from './stored-document.js';

// biome-ignore lint/suspicious/noExplicitAny: the plugin's own tables.
type Db = Kysely<any>;

const rowsPerStatement = 200;

// PostgreSQL's SQLSTATE for a role that lacks the privilege (here: not the index's owner).
const insufficientPrivilege = '42501';

// PostgreSQL's parser keeps '/orders/{id}' or 'default/team-a' as one token; split into
// the plain words a query is split into (toSearchTokens), so both sides agree.
const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ');

// Names and titles in 'simple' (no stemming, so prefixes of names work), text in 'english'.
function tsvectorOf(row: StoredDocumentRow) {
  return sql`setweight(to_tsvector('simple', ${words(row.title)}), 'A') || setweight(to_tsvector('simple', ${words(row.keywords)}), 'B') || setweight(to_tsvector('english', ${words(row.body)}), 'C')`;
}

/**
 * Inserts documents, replacing the stored one of the same type and location; returns the
 * vocabulary words it added, for `vocabulary.remember` once the writes have committed.
 */
export async function writeDocuments(
  db: Db,
  type: string,
  documents: readonly IndexableDocument[],
  indexedAt: number,
  client: 'sqlite' | 'postgres',
  vocabulary: SearchVocabulary,
): Promise<Set<string>> {
  // The last of several documents with one location wins, as it would written one by one.
  const unique = new Map(
    documents.map((document) => [document.location, toStoredRow(type, document, indexedAt)]),
  );
  const rows = [...unique.values()];
  const added = new Set<string>();
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const values = client === 'postgres' ? chunk.map((row) => ({ ...row, tsv: tsvectorOf(row) })) : chunk;
    await db
      .insertInto('search_documents')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['type', 'doc_key']).doUpdateSet((eb) => ({
          resource_ref: eb.ref('excluded.resource_ref'),
          title: eb.ref('excluded.title'),
          keywords: eb.ref('excluded.keywords'),
          body: eb.ref('excluded.body'),
          exact_keys: eb.ref('excluded.exact_keys'),
          exact_name: eb.ref('excluded.exact_name'),
          exact_title: eb.ref('excluded.exact_title'),
          document: eb.ref('excluded.document'),
          indexed_at: eb.ref('excluded.indexed_at'),
          ...(client === 'postgres' ? { tsv: eb.ref('excluded.tsv') } : {}),
        })),
      )
      .execute();
    const words = await vocabulary.add(
      db,
      chunk.map((row) => `${row.title} ${row.keywords}`),
      added,
    );
    for (const word of words) added.add(word);
  }
  return added;
}

// After the write it follows has committed (or in its transaction): a search that read
// the old version may have seen the write, so its answer must not be reused later.
const raiseVersion = (on: Db) =>
  sql`update search_index_version set version = version + 1 where id = 1`.execute(on);

// Runs a write whose statements commit one by one, then raises the index version even if
// it failed: the statements before the failure have committed. The write's own error wins.
async function withVersionRaised<T>(db: Db, write: () => Promise<T>) {
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await raiseVersion(db).catch(() => undefined);
    throw error;
  }
  await raiseVersion(db);
  return result;
}

/** The writing half of an engine: the same SQL on both databases. */
export function createIndexWriter(
  database: DatabaseService,
  db: Db,
  client: 'sqlite' | 'postgres',
  vocabulary: SearchVocabulary,
): Pick<SearchEngine, 'upsert' | 'replaceResource' | 'removeStale' | 'refreshStatistics'> {
  return {
    async upsert(type, documents, indexedAt) {
      // Each statement commits on its own: its words are stored once it returns.
      await withVersionRaised(db, async () =>
        vocabulary.remember(await writeDocuments(db, type, documents, indexedAt, client, vocabulary)),
      );
    },
    async replaceResource(type, resourceRef, documents) {
      const added = await database.transaction(async (trx) => {
        await trx
          .deleteFrom('search_documents')
          .where('type', '=', type)
          .where('resource_ref', '=', resourceRef)
          .execute();
        const words = await writeDocuments(trx, type, documents, Date.now(), client, vocabulary);
        await raiseVersion(trx);
        return words;
      });
      vocabulary.remember(added);
    },
    async removeStale(type, indexedAt) {
      const result = await withVersionRaised(db, () =>
        db
          .deleteFrom('search_documents')
          .where('type', '=', type)
          .where('indexed_at', '<', indexedAt)
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
    async refreshStatistics() {
      if (client === 'sqlite') {
        // SQLite's optimize analyses only the tables whose statistics are missing or stale.
        await sql`pragma optimize`.execute(db);
        return;
      }
      await compactPrefixCounts(db);
      await sql`analyze search_documents`.execute(db);
      // Merges what the rebuild left in the GIN pending lists, which every query scans. Only
      // the indexes' owner may; another role leaves the merge to vacuum, as ANALYZE does.
      for (const { name } of (await ginIndexesOfDocuments.execute(db)).rows) {
        await sql`select gin_clean_pending_list(${name}::regclass)`.execute(db).catch((error: unknown) => {
          if ((error as { code?: string }).code !== insufficientPrivilege) throw error;
        });
      }
    },
  };
}
