import type { SearchResult } from '../../common/search-types.js';

/** Results grouped by type, groups in the order their best result ranks. */
export function groupResults(
  results: readonly SearchResult[],
): Array<{ type: string; results: SearchResult[] }> {
  const groups = new Map<string, SearchResult[]>();
  for (const result of results) groups.set(result.type, [...(groups.get(result.type) ?? []), result]);
  return [...groups].map(([type, items]) => ({ type, results: items }));
}
