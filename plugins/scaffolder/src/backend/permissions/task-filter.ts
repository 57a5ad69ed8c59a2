import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ScaffolderTables, TaskRow } from '../store/tables.js';

type TaskColumn = 'created_by' | 'template_ref';

/**
 * Which tasks a caller may see, as the conditions of a task decision (and the templates
 * they may read) say: a column with one of the values, or without a value, combined.
 */
export type TaskFilter =
  | { allOf: TaskFilter[] }
  | { anyOf: TaskFilter[] }
  | { not: TaskFilter }
  | { column: TaskColumn; values: string[] }
  | { column: TaskColumn; isNull: true };

/**
 * Whether a task row matches the filter, exactly as {@link taskFilterSql} answers in the
 * database (a column without a value matches no value list).
 */
export function taskMatchesFilter(row: Pick<TaskRow, TaskColumn>, filter: TaskFilter): boolean {
  if ('column' in filter) {
    const value = row[filter.column];
    return 'isNull' in filter ? value == null : value != null && filter.values.includes(value);
  }
  if ('not' in filter) return !taskMatchesFilter(row, filter.not);
  if ('allOf' in filter) return filter.allOf.every((part) => taskMatchesFilter(row, part));
  return filter.anyOf.some((part) => taskMatchesFilter(row, part));
}

/** The filter as a condition on `scaffolder_tasks`; each leaf is true or false, never NULL. */
export function taskFilterSql(
  eb: ExpressionBuilder<ScaffolderTables, 'scaffolder_tasks'>,
  filter: TaskFilter,
): Expression<SqlBool> {
  if ('column' in filter) {
    if ('isNull' in filter) return eb(filter.column, 'is', null);
    if (filter.values.length === 0) return eb.lit(false);
    return eb.and([eb(filter.column, 'is not', null), eb(filter.column, 'in', filter.values)]);
  }
  if ('not' in filter) return eb.not(taskFilterSql(eb, filter.not));
  if ('allOf' in filter) return eb.and(filter.allOf.map((part) => taskFilterSql(eb, part)));
  return eb.or(filter.anyOf.map((part) => taskFilterSql(eb, part)));
}
