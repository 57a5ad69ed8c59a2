import { sql } from '@atrium/kernel';
import { SEARCH_HIGHLIGHT_TAGS } from '../../common/search-types.js';
import type { SearchDb } from './create-sql-engine.js';
import type { HighlightRow } from './search-engine.js';

/**
 * FTS5's highlight() and snippet() of a page's documents. Run on the index itself they
 * walk every match of the query (FTS5 cannot seek a prefix query to a rowid), which cost
 * up to 7 ms a page at 100k documents; here the page's rows are copied into a
 * connection-local (temp) FTS5 table with the index's tokenizer and matched there, so
 * the marks are the same and the cost follows the page, not the match count. The call
 * holds one connection (`reads.connection()`: a worker of the pool, or the one SQLite
 * connection) from the copy to the cleanup, so no other call sees its rows.
 */
export function createSqliteHighlighter(reads: SearchDb) {
  return async (ids: readonly number[], match: string): Promise<HighlightRow[]> => {
    if (ids.length === 0) return [];
    const { preTag, postTag } = SEARCH_HIGHLIGHT_TAGS;
    return reads.connection().execute(async (connection) => {
      await sql`create virtual table if not exists temp.search_highlight using fts5(
        title, keywords, body, doc_id unindexed, tokenize='porter unicode61 remove_diacritics 2')`.execute(
        connection,
      );
      try {
        await sql`insert into temp.search_highlight(title, keywords, body, doc_id)
          select title, keywords, body, id from search_documents
          where id in (${sql.join([...ids])})`.execute(connection);
        const { rows } = await sql<HighlightRow>`
          select doc_id as id, highlight(search_highlight, 0, ${preTag}, ${postTag}) as title,
            snippet(search_highlight, 2, ${preTag}, ${postTag}, '…', 32) as text
          from temp.search_highlight where search_highlight match ${match}`.execute(connection);
        return rows;
      } finally {
        await sql`delete from temp.search_highlight`.execute(connection);
      }
    });
  };
}
