/** The databases a bench's `--db sqlite|postgres|both` names. */
export function databasesOf(value: string | undefined): Array<'sqlite' | 'postgres'> {
  const dbs = value === 'both' ? ['sqlite', 'postgres'] : [value];
  if (dbs.some((db) => db !== 'sqlite' && db !== 'postgres'))
    throw new Error('--db must be sqlite, postgres or both');
  return dbs as Array<'sqlite' | 'postgres'>;
}

/** A `--name` option's positive integer (`100_000` allowed), or an error naming the option. */
export function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value?.replace(/_/g, ''));
  if (!Number.isInteger(number) || number <= 0)
    throw new Error(`--${name} must be a positive integer, got '${value}'`);
  return number;
}
