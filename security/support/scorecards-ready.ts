import type { HttpCaller } from './http-caller.js';

/** Test config: the scorecards catalog collector reads newly registered entities within a second. */
export const scorecardsWalkerConfig = {
  scorecards: { collectors: { catalog: { frequency: { seconds: 1 } } } },
};

/**
 * Waits until scorecards has evaluated these entities (an admin sees their results and
 * certifications), so the walker's scorecards answers have hidden data to leak: without
 * it an overview or a team grid would be empty and prove nothing. Returns at once when
 * scorecards is not shipped.
 */
export async function waitForScorecards(
  caller: HttpCaller,
  adminToken: string,
  entityRefs: string[],
  timeoutMs = 60_000,
): Promise<void> {
  if ((await caller.call('GET', '/api/scorecards/openapi.json')).status === 404) return;
  const until = Date.now() + timeoutMs;
  const evaluated = async (ref: string) => {
    const query = `entityRef=${encodeURIComponent(ref)}`;
    const results = await caller.call('GET', `/api/scorecards/results?${query}`, { token: adminToken });
    const levels = await caller.call('GET', `/api/scorecards/certifications?${query}`, { token: adminToken });
    const count = (reply: { json: unknown }, key: string) =>
      ((reply.json as Record<string, unknown[]> | undefined)?.[key] ?? []).length;
    return count(results, 'results') > 0 && count(levels, 'certifications') > 0;
  };
  for (;;) {
    if ((await Promise.all(entityRefs.map(evaluated))).every(Boolean)) return;
    if (Date.now() > until) throw new Error(`scorecards did not evaluate ${entityRefs.join(', ')} in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
