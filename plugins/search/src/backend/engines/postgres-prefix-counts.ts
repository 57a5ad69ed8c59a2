import type { MigrationDb } from '@atrium/kernel';
import { sql } from '@atrium/kernel';
import type { SearchDb } from './create-sql-engine.js';
import type { MatchRequest } from './search-engine.js';

/**
 * Terms up to this long are counted from `search_prefix_counts` (the titles-first terms,
 * title-first.ts). A prefix of one to three letters matches thousands to tens of thousands
 * of documents at 100k ('se': 41,663; 'not': 13,499), and counting them through the GIN
 * index and the heap took 20-75 ms a query (the first keystrokes of every typeahead); the
 * table answers in well under a millisecond.
 */
const COUNTED_PREFIX = /^[a-z0-9]{1,3}$/;

/** Whether the request's exact-match count may come from the prefix counts: one short plain ASCII word, types only. */
export function isCountedPrefix(request: MatchRequest): boolean {
  return (
    request.tokens.length === 1 &&
    COUNTED_PREFIX.test(request.tokens[0]!) &&
    request.excludeTitlesFirst === undefined &&
    Object.keys(request.filters).length === 0
  );
}

/**
 * The number of documents of the request's types with a word beginning with its one token,
 * or undefined where the engine's query asks for more: it matches the English stem too,
 * which may differ ('ops' -> 'op', 'fly' -> 'fli'); a stop word has none.
 */
export async function countPrefix(db: SearchDb, request: MatchRequest): Promise<number | undefined> {
  const lexeme = `'${request.tokens[0]!}':*`;
  const { rows } = await sql<{ n: number | string | null }>`
    select case when numnode(to_tsquery('english', ${lexeme})) = 0
      or to_tsquery('english', ${lexeme}) = to_tsquery('simple', ${lexeme})
    then (select coalesce(sum(n), 0) from search_prefix_counts
      where prefix = ${request.tokens[0]!} and type in (${sql.join(request.types)})) end as n`.execute(db);
  const n = rows[0]?.n;
  return n === null || n === undefined ? undefined : Number(n);
}

/**
 * Folds the table's rows into one per prefix and type, dropping those that sum to 0, in one
 * statement: rows that writers add meanwhile are not in its snapshot, so they stay as they
 * are and nothing is counted twice or lost.
 */
export async function compactPrefixCounts(db: SearchDb): Promise<void> {
  await sql`
    with gone as (delete from search_prefix_counts returning prefix, type, n)
    insert into search_prefix_counts (prefix, type, n)
    select prefix, type, sum(n) from gone group by prefix, type having sum(n) <> 0`.execute(db);
}

// The one- to three-character prefixes of the rows' lexemes, once per document, signed.
const prefixesOf = (rows: string, sign: '1' | '-1', where = 'true') => `
  select distinct r.id, r.type, left(w.lexeme, l.n) as prefix, ${sign} as n
  from ${rows} r cross join unnest(r.tsv) w cross join (values (1), (2), (3)) l(n) where ${where}`;

const addCounts = (prefixes: string) => `
  insert into search_prefix_counts (prefix, type, n)
  select prefix, type, sum(n) from (${prefixes}) p group by prefix, type having sum(n) <> 0`;

// Rows of an update whose words or type changed (a rebuild rewrites every row, mostly unchanged).
const changedBy = (other: string) =>
  `exists (select 1 from ${other} o where o.id = r.id and (o.tsv <> r.tsv or o.type <> r.type))`;

const triggers = [
  { event: 'insert', table: 'new table as added', counts: addCounts(prefixesOf('added', '1')) },
  { event: 'delete', table: 'old table as removed', counts: addCounts(prefixesOf('removed', '-1')) },
  {
    event: 'update',
    table: 'old table as removed new table as added',
    counts: addCounts(
      `${prefixesOf('added', '1', changedBy('removed'))} union all ${prefixesOf('removed', '-1', changedBy('added'))}`,
    ),
  },
];

/**
 * Migration: the number of documents per type whose words begin with each one- to
 * three-character prefix, kept by statement triggers on `search_documents`. Each statement
 * adds rows of changes (+/-) rather than updating one row per prefix: concurrent writers
 * (a rebuild and catalog events) then never wait for, or deadlock on, the same counters.
 * A read sums the rows; `compactPrefixCounts` folds them after a rebuild.
 */
export async function createPrefixCounts(db: MigrationDb): Promise<void> {
  await sql`create table search_prefix_counts (prefix text not null, type text not null, n bigint not null)`.execute(
    db,
  );
  await sql`create index search_prefix_counts_prefix on search_prefix_counts (prefix, type) include (n)`.execute(
    db,
  );
  for (const { event, table, counts } of triggers) {
    // `set search_path from current`: the plugin's schema, whichever connection writes.
    await sql
      .raw(`create function search_prefix_counts_${event}() returns trigger language plpgsql
        set search_path from current as $$ begin ${counts}; return null; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger search_prefix_counts_${event} after ${event} on search_documents
        referencing ${table} for each statement execute function search_prefix_counts_${event}()`)
      .execute(db);
  }
  await sql.raw(addCounts(prefixesOf('search_documents', '1'))).execute(db);
}
