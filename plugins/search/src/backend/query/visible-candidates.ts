import type { Credentials, PermissionsService, ResourcePermission } from '@atrium/kernel';
import type { Candidate, MatchRequest, SearchEngine } from '../engines/search-engine.js';

/** The most matches checked one by one for a caller with conditional access; past it counts stop. */
export const CONDITIONAL_SCAN_LIMIT = 10_000;
const batchSize = 500;

/**
 * The visible page of a query whose types include some the caller may see only in part:
 * walks matches in rank order, asks the permission service about each resource (in
 * batches), and keeps counting past the page so `numberOfResults` is true.
 */
export async function visibleCandidates(
  engine: SearchEngine,
  request: MatchRequest,
  mode: 'exact' | 'fuzzy',
  page: { offset: number; limit: number },
  check: {
    permissions: PermissionsService;
    credentials: Credentials;
    conditional: Map<string, ResourcePermission>;
  },
): Promise<{ page: Candidate[]; total: number }> {
  const visible: Candidate[] = [];
  let total = 0;
  for (let offset = 0; offset < CONDITIONAL_SCAN_LIMIT; offset += batchSize) {
    const batch = await engine.candidates(request, mode, { offset, limit: batchSize });
    const toCheck = batch.filter((c) => c.resourceRef !== null && check.conditional.has(c.type));
    const decisions = await check.permissions.authorize(
      toCheck.map((c) => ({ permission: check.conditional.get(c.type)!, resourceRef: c.resourceRef! })),
      { credentials: check.credentials },
    );
    const denied = new Set(toCheck.filter((_, i) => decisions[i]?.result !== 'ALLOW'));
    for (const candidate of batch) {
      if (denied.has(candidate)) continue;
      if (total >= page.offset && visible.length < page.limit) visible.push(candidate);
      total++;
    }
    if (batch.length < batchSize) break;
  }
  return { page: visible, total };
}
