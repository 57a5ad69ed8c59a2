import type { MigrationDb, Migrations } from '@atrium/kernel';
import { sql } from '@atrium/kernel';
import { createTrigramExtension } from './postgres-trigrams.js';

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
};
