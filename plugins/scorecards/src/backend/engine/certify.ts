import type { Certification, CheckState, Track } from '../../common/index.js';

/** A check's effective state for an entity: its result, with approved exemptions counting as passed. */
export type EffectiveStates = ReadonlyMap<string, { state: CheckState; exempted: boolean } | undefined>;

// Warnings do not block a level; exempted and not-applicable checks count as met.
function isMet(entry: { state: CheckState; exempted: boolean } | undefined): boolean {
  if (!entry) return false;
  return entry.exempted || ['passed', 'warning', 'not-applicable'].includes(entry.state);
}

/**
 * An entity's certification in a track: the highest level whose checks, and every lower
 * level's checks, are met. A level's check that does not apply to the entity (by the
 * check's own filter/exclude) is stored as `not-applicable` and so is met.
 *
 * @example
 * certify(track, 'component:default/web', new Map([['has-owner', { state: 'passed', exempted: false }]]), now);
 */
export function certify(track: Track, entityRef: string, states: EffectiveStates, at: string): Certification {
  const levels = [...track.levels].sort((a, b) => a.ordinal - b.ordinal);
  let highest: { ordinal: number; name: string } | undefined;
  let blocked = false;
  const out: Certification['levels'] = [];
  for (const level of levels) {
    const checks = level.checks.map((check) => ({ checkId: check.id, state: states.get(check.id)?.state }));
    const passed = level.checks.every((check) => isMet(states.get(check.id)));
    out.push({ ordinal: level.ordinal, name: level.name, passed, checks });
    if (!passed) blocked = true;
    if (!blocked) highest = { ordinal: level.ordinal, name: level.name };
  }
  return {
    entityRef,
    trackId: track.id,
    levels: out,
    ...(highest ? { highestLevel: highest, certificationTimestamp: at } : {}),
  };
}
