import { sql } from '@atrium/kernel';
import type { SqlReader } from '../database/sql-reader.js';
import type { GenerationCache } from './generation-cache.js';

/**
 * Every kind in the catalog (lowercased), read with one index seek per kind (a loose
 * index scan: the next kind after the previous one) and cached per catalog generation.
 * Lookups that name no kind search each kind's range of the search index.
 *
 * @example
 * await knownKinds(reader, cache); // ['api', 'component', 'group', ...]
 */
export async function knownKinds(reader: SqlReader, cache: GenerationCache): Promise<string[]> {
  return cache.get('kinds', async () => {
    const rows = await reader.all(
      sql<{ kind: string | null }>`WITH RECURSIVE k(kind) AS (
         SELECT (SELECT min(kind) FROM search WHERE key = 'kind')
         UNION ALL
         SELECT (SELECT min(kind) FROM search WHERE key = 'kind' AND kind > k.kind) FROM k WHERE k.kind IS NOT NULL
       ) SELECT kind FROM k WHERE kind IS NOT NULL`,
    );
    return rows.map((row) => row.kind as string);
  });
}
