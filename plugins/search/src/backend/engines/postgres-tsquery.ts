import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { SearchDb } from './create-sql-engine.js';

// Each word (letters and digits only) is a quoted lexeme in both configurations the
// tsvector uses; the words are ANDed and the last one is a prefix. `weights` ('AB': the
// title and the keywords) limits where a word may match.
function tsqueryOf(tokens: readonly string[], weights = ''): RawBuilder<unknown> {
  const lexemes = tokens.map(
    (token, i) => `'${token}'${i === tokens.length - 1 ? `:*${weights}` : weights ? `:${weights}` : ''}`,
  );
  // One configuration's query when both give the same (most names and prefixes): GIN scans
  // each operand of an OR on its own, and the same prefix twice took 3x as long (`payment`:
  // 6.3 against 2.0 ms).
  const both = (
    lexeme: string,
  ) => sql`(case when to_tsquery('english', ${lexeme}) = to_tsquery('simple', ${lexeme})
    then to_tsquery('simple', ${lexeme}) else to_tsquery('simple', ${lexeme}) || to_tsquery('english', ${lexeme}) end)`;
  const all = sql.join(lexemes.map(both), sql` && `);
  if (lexemes.length === 1) return all;
  // The text is indexed in English, which leaves out stop words ('to', 'by'), so 'good to
  // know' required a word no text holds and matched nothing: among other words, a stop
  // word is left out of the query (an empty tsquery, which && ignores); alone, it stays.
  const optional = (lexeme: string) =>
    sql`(case when numnode(to_tsquery('english', ${lexeme})) = 0 then ''::tsquery else ${both(lexeme)} end)`;
  const some = sql.join(lexemes.map(optional), sql` && `);
  return sql`(case when numnode(${some}) = 0 then ${all} else ${some} end)`;
}

/** A request's text search queries as constants: every word, and every word in a title or the keywords. */
export interface ResolvedTsquery {
  query: RawBuilder<unknown>;
  named: RawBuilder<unknown>;
}

/** Resolved queries kept: each is two short strings, and typing repeats words and prefixes. */
const maxResolved = 10_000;

/**
 * The tsqueries of a request's tokens, resolved by PostgreSQL once and then kept as text
 * (they depend on the text search dictionaries alone). The expression that builds them is
 * long: written into each statement (the match, its rank and the highlights) it was parsed
 * and bound each time, 1.3 ms a statement for three words. A constant also lets the planner
 * see the query, as the expression folded to one does.
 */
export function createTsqueryResolver(db: SearchDb) {
  const resolved = new LRUCache<string, { query: string; named: string }>({ max: maxResolved });
  return async function resolve(tokens: readonly string[]): Promise<ResolvedTsquery> {
    const key = tokens.join(' ');
    let texts = resolved.get(key);
    if (!texts) {
      const { rows } = await sql<{ query: string; named: string }>`
        select (${tsqueryOf(tokens)})::text as query, (${tsqueryOf(tokens, 'AB')})::text as named`.execute(
        db,
      );
      texts = rows[0]!;
      resolved.set(key, texts);
    }
    return { query: sql`${texts.query}::tsquery`, named: sql`${texts.named}::tsquery` };
  };
}

/** Resolves a request's tokens to its text search queries (see createTsqueryResolver). */
export type TsqueryResolver = ReturnType<typeof createTsqueryResolver>;
