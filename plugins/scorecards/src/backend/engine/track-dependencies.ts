import { InputError } from '@atrium/errors';

/** The fact a check reads to depend on an entity's level in a track. */
export const TRACK_FACT_PREFIX = 'scorecards:default/track/';

/**
 * Refuses tracks whose levels depend on each other in a cycle: a track depends on another
 * when one of its checks reads `scorecards:default/track/<other>`. Names the cycle.
 *
 * @example
 * assertNoTrackCycle(new Map([['a', ['b']], ['b', ['a']]])); // InputError: 'a' -> 'b' -> 'a'
 */
export function assertNoTrackCycle(dependsOn: ReadonlyMap<string, readonly string[]>): void {
  const done = new Set<string>();
  const visit = (trackId: string, path: string[]): void => {
    if (done.has(trackId)) return;
    const seenAt = path.indexOf(trackId);
    if (seenAt >= 0) {
      const cycle = [...path.slice(seenAt), trackId].map((id) => `'${id}'`).join(' -> ');
      throw new InputError(
        `the tracks depend on each other's levels in a cycle: ${cycle}; remove one dependency`,
        {
          details: { cycle: [...path.slice(seenAt), trackId] },
        },
      );
    }
    for (const next of dependsOn.get(trackId) ?? []) visit(next, [...path, trackId]);
    done.add(trackId);
  };
  for (const trackId of dependsOn.keys()) visit(trackId, []);
}
