import type { Kysely } from 'kysely';
import type { ScorecardsTables } from './tables.js';

// 200 rows of at most 8 columns stay far below SQLite's and PostgreSQL's bound-parameter limits.
const ROWS_PER_STATEMENT = 200;

/**
 * Inserts rows, updating every non-key column of the rows that exist: one statement per
 * 200 rows instead of one round trip per row (the evaluation writes ~100k rows a run).
 */
export async function upsertRows<T extends keyof ScorecardsTables>(
  db: Kysely<ScorecardsTables>,
  table: T,
  keys: ReadonlyArray<keyof ScorecardsTables[T] & string>,
  rows: ReadonlyArray<ScorecardsTables[T]>,
): Promise<void> {
  // PostgreSQL refuses a statement that updates one row twice: the last write of a key wins.
  const byKey = new Map(rows.map((row) => [keys.map((key) => String(row[key])).join('\n'), row]));
  const unique = [...byKey.values()];
  const first = unique[0];
  if (!first) return;
  const updated = Object.keys(first).filter((column) => !keys.includes(column as never));
  // Kysely cannot type a query over a table chosen by a type parameter; the column names
  // come from the table's own row type above.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (let start = 0; start < unique.length; start += ROWS_PER_STATEMENT)
    await loose
      .insertInto(table as string)
      .values(unique.slice(start, start + ROWS_PER_STATEMENT) as unknown as Array<Record<string, unknown>>)
      .onConflict((oc) =>
        oc
          .columns([...keys])
          .doUpdateSet(
            (eb) =>
              Object.fromEntries(updated.map((column) => [column, eb.ref(`excluded.${column}`)])) as never,
          ),
      )
      .execute();
}
