/**
 * The group among `candidates` (at most 12 asked) whose team grid has the number of rows
 * nearest `target`: the team-grid goal is for a group owning 2,000 entities, and the
 * generated organisation's sizes depend on N.
 */
export async function pickGroupNear(
  server: { url: string },
  token: string,
  candidates: readonly string[],
  target: number,
): Promise<string> {
  let best = { ref: candidates[0] ?? '', distance: Number.POSITIVE_INFINITY };
  for (const ref of candidates.slice(0, 12)) {
    const response = await fetch(
      `${server.url}/api/scorecards/team-grid?groupRef=${encodeURIComponent(ref)}&limit=5000`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!response.ok) continue;
    const rows = ((await response.json()) as { rows: unknown[] }).rows.length;
    const distance = Math.abs(rows - target);
    if (distance < best.distance) best = { ref, distance };
  }
  return best.ref;
}
