import { sql } from '@atrium/kernel';
import type { RawBuilder } from 'kysely';

/**
 * `column` begins with `prefix`: a range an index on the column answers, and `substr`,
 * which keeps it exact under any collation (a linguistic one may order strings that do
 * not begin with the prefix inside the range).
 */
export function beginsWith(column: RawBuilder<unknown>, prefix: string): RawBuilder<unknown> {
  const last = prefix.codePointAt(prefix.length - 1)!;
  const above = prefix.slice(0, -1) + String.fromCodePoint(last + 1);
  return sql`${column} >= ${prefix} and ${column} < ${above} and substr(${column}, 1, ${prefix.length}) = ${prefix}`;
}
