import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';

/**
 * `column` begins with `prefix`: a range an index on the column answers, and `substr`,
 * which keeps it exact under any collation (a linguistic one may order strings that do
 * not begin with the prefix inside the range).
 */
export function beginsWith(column: RawBuilder<unknown>, prefix: string): RawBuilder<unknown> {
  return sql`${column} >= ${prefix} and ${column} < ${firstAfterPrefix(prefix)} and substr(${column}, 1, ${prefix.length}) = ${prefix}`;
}

/** The first string past every string that begins with `prefix`, in code point order. */
export function firstAfterPrefix(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}
