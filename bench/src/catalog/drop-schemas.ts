import pg from 'pg';

/**
 * Drops every PostgreSQL schema whose name starts with `prefix` (one per plugin, as the
 * kernel names them `<prefix><pluginId>`), so a benchmark run leaves nothing behind.
 *
 * @example
 * await dropSchemas('postgres://postgres@127.0.0.1:5432/test', 'bench_1a2b3c4d_');
 */
export async function dropSchemas(connection: string, prefix: string): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`refusing to drop schemas for prefix '${prefix}'`);
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    // `_` is a LIKE wildcard; escape it so 'bench_1_' never matches 'bench21x'.
    const pattern = `${prefix.replace(/_/g, '\\_')}%`;
    const { rows } = await client.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
      [pattern],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    return rows.map((row) => row.nspname);
  } finally {
    await client.end();
  }
}
