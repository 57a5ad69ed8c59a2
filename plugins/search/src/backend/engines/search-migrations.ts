import type { MigrationDb, Migrations } from '@atrium/kernel';
import { sql } from '@atrium/kernel';
import { createPrefixCounts } from './postgres-prefix-counts.js';
import { createTrigramExtension } from './postgres-trigrams.js';
import { createVocabulary } from './search-vocabulary.js';

function documentsTable(db: MigrationDb, idType: 'integer' | 'bigserial') {
  return db.schema
    .createTable('search_documents')
    .addColumn('id', idType, (c) => (idType === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('doc_key', 'text', (c) => c.notNull())
    .addColumn('resource_ref', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('exact_keys', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'bigint', (c) => c.notNull());
}

// External-content FTS5 tables kept in step by triggers: words (porter-stemmed, with
// prefix indexes for typeahead) and trigrams of the short fields (the typo fallback).
const sqliteStatements = [
  `create virtual table search_fts using fts5(title, keywords, body, content='search_documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')`,
  `create virtual table search_trigrams using fts5(title, keywords, content='search_documents', content_rowid='id', tokenize='trigram')`,
  `create trigger search_documents_ai after insert on search_documents begin
     insert into search_fts(rowid, title, keywords, body) values (new.id, new.title, new.keywords, new.body);
     insert into search_trigrams(rowid, title, keywords) values (new.id, new.title, new.keywords);
   end`,
  `create trigger search_documents_ad after delete on search_documents begin
     insert into search_fts(search_fts, rowid, title, keywords, body) values ('delete', old.id, old.title, old.keywords, old.body);
     insert into search_trigrams(search_trigrams, rowid, title, keywords) values ('delete', old.id, old.title, old.keywords);
   end`,
  `create trigger search_documents_au after update on search_documents begin
     insert into search_fts(search_fts, rowid, title, keywords, body) values ('delete', old.id, old.title, old.keywords, old.body);
     insert into search_trigrams(search_trigrams, rowid, title, keywords) values ('delete', old.id, old.title, old.keywords);
     insert into search_fts(rowid, title, keywords, body) values (new.id, new.title, new.keywords, new.body);
     insert into search_trigrams(rowid, title, keywords) values (new.id, new.title, new.keywords);
   end`,
];

async function createSqliteIndex(db: MigrationDb) {
  await documentsTable(db, 'integer').execute();
  for (const statement of sqliteStatements) await sql.raw(statement).execute(db);
}

async function createPostgresIndex(db: MigrationDb) {
  await documentsTable(db, 'bigserial')
    .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  const trigrams = await createTrigramExtension(db);
  if (trigrams) {
    await sql`create index search_documents_trigrams on search_documents using gin ((lower(title || ' ' || keywords)) ${sql.raw(`${trigrams}.gin_trgm_ops`)})`.execute(
      db,
    );
  }
}

// The name and the title as words (`exact_keys` split in two), each indexed, so an exact
// match is a lookup rather than a test of every match. SQLite: FTS5 ranks with the
// weights by itself (`order by rank` inside FTS), browsing by title reads an index.
async function addExactColumns(db: MigrationDb, client: 'sqlite' | 'postgres') {
  for (const column of ['exact_name', 'exact_title']) {
    await db.schema
      .alterTable('search_documents')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  const backfill =
    client === 'postgres'
      ? `update search_documents set exact_name = split_part(exact_keys, '|', 2), exact_title = split_part(exact_keys, '|', 3)`
      : `update search_documents set exact_name = substr(exact_keys, 2, instr(substr(exact_keys, 2), '|') - 1),
           exact_title = substr(exact_keys, instr(substr(exact_keys, 2), '|') + 2, length(exact_keys) - instr(substr(exact_keys, 2), '|') - 2)`;
  await sql.raw(backfill).execute(db);
  await db.schema
    .createIndex('search_documents_exact_name')
    .on('search_documents')
    .column('exact_name')
    .execute();
  await db.schema
    .createIndex('search_documents_exact_title')
    .on('search_documents')
    .column('exact_title')
    .execute();
  await db.schema
    .createIndex('search_documents_title')
    .on('search_documents')
    .columns(['title', 'id'])
    .execute();
  if (client === 'sqlite') {
    await sql
      .raw(`insert into search_fts(search_fts, rank) values ('rank', 'bm25(10.0, 4.0, 1.0)')`)
      .execute(db);
    await sql
      .raw(`insert into search_trigrams(search_trigrams, rank) values ('rank', 'bm25(2.0, 1.0)')`)
      .execute(db);
  }
}

// Typeahead's last word is often one letter long ('payments-gateway-4'): without a prefix
// index of length 1 FTS5 merges the lists of every word starting with it, on each query.
// The triggers name the table, so they keep working on the recreated one.
async function addOneLetterPrefixes(db: MigrationDb) {
  await sql.raw('drop table search_fts').execute(db);
  await sql
    .raw(
      `create virtual table search_fts using fts5(title, keywords, body, content='search_documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='1 2 3')`,
    )
    .execute(db);
  await sql
    .raw(`insert into search_fts(search_fts, rank) values ('rank', 'bm25(10.0, 4.0, 1.0)')`)
    .execute(db);
  await sql.raw(`insert into search_fts(search_fts) values ('rebuild')`).execute(db);
}

const backfillBatch = 1_000;

// The words typo correction answers (search-vocabulary.ts), filled from the stored documents.
async function createVocabularyTables(db: MigrationDb) {
  await db.schema
    .createTable('search_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable('search_word_deletes')
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_word_deletes_pk', ['variant', 'word'])
    .execute();
  const vocabulary = createVocabulary();
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('search_documents')
      .select(['id', 'title', 'keywords'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(backfillBatch)
      .execute();
    if (rows.length === 0) return;
    await vocabulary.add(
      db,
      rows.map((row) => `${row.title} ${row.keywords}`),
    );
    after = Number(rows.at(-1)!.id);
  }
}

// PostgreSQL moves a row's largest values out of line (TOAST) past about 2 kB: a docs
// page's tsvector went with its body and document, and ranking 5,000 pages read 30,000
// buffers (two reads of each vector) instead of 1,400. MAIN keeps the vector in the row,
// so the body and document go out first; rows already written get their vector rewritten
// (`|| ''` makes a new value; an unchanged one would keep its out-of-line copy).
async function keepVectorsInRow(db: MigrationDb) {
  await sql`alter table search_documents alter column tsv set storage main`.execute(db);
  await sql`update search_documents set tsv = tsv || ''::tsvector
    where octet_length(body) + octet_length(document) > 1024`.execute(db);
}

// One row whose version every index write raises once committed: a cached answer is
// reused only at the version it was computed at, whichever backend wrote since.
async function createIndexVersion(db: MigrationDb) {
  await db.schema
    .createTable('search_index_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('search_index_version').values({ id: 1, version: 0 }).execute();
}

/** The GIN indexes of the documents table (the words', and the trigrams' where pg_trgm is installed). */
export const ginIndexesOfDocuments = sql<{ name: string }>`
  select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
    join pg_am a on a.oid = c.relam
  where i.indrelid = 'search_documents'::regclass and a.amname = 'gin'`;

// GIN's fast update keeps new entries in a pending list that every query scans until a
// vacuum, or the list's limit (4 MB by default), merges it into the index: at 100k a
// rebuild left about 500 pages there, which made a count of 7,141 matches 16 ms instead
// of 12. 256 kB bounds it.
async function boundGinPendingLists(db: MigrationDb) {
  const { rows } = await ginIndexesOfDocuments.execute(db);
  for (const { name } of rows) {
    await sql`alter index ${sql.id(name)} set (gin_pending_list_limit = 256)`.execute(db);
  }
}

/** The search index: one table of documents plus each database's full-text structures. */
export const searchMigrations: Migrations = {
  '0001_create_documents': {
    async up(db, { client }) {
      await (client === 'sqlite' ? createSqliteIndex(db) : createPostgresIndex(db));
      await db.schema
        .createIndex('search_documents_key')
        .on('search_documents')
        .columns(['type', 'doc_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('search_documents_resource')
        .on('search_documents')
        .columns(['type', 'resource_ref'])
        .execute();
      await db.schema
        .createIndex('search_documents_indexed')
        .on('search_documents')
        .columns(['type', 'indexed_at'])
        .execute();
    },
  },
  '0002_exact_columns': {
    async up(db, { client }) {
      await addExactColumns(db, client);
    },
  },
  '0003_vocabulary': {
    async up(db) {
      await createVocabularyTables(db);
    },
  },
  '0004_one_letter_prefixes': {
    async up(db, { client }) {
      if (client === 'sqlite') await addOneLetterPrefixes(db);
    },
  },
  '0005_vectors_in_row': {
    async up(db, { client }) {
      if (client === 'postgres') await keepVectorsInRow(db);
    },
  },
  '0006_index_version': {
    async up(db) {
      await createIndexVersion(db);
    },
  },
  '0007_gin_pending_lists': {
    async up(db, { client }) {
      if (client === 'postgres') await boundGinPendingLists(db);
    },
  },
  '0008_prefix_counts': {
    async up(db, { client }) {
      if (client === 'postgres') await createPrefixCounts(db);
    },
  },
  // Titles in byte order with their id, for typeahead's titles-first pages (title-first.ts).
  '0009_title_byte_order': {
    async up(db, { client }) {
      if (client === 'postgres') {
        await sql`create index search_documents_title_bytes on search_documents ((exact_title collate "C"), id)`.execute(
          db,
        );
      }
    },
  },
};
