import type { Campaign, CheckState } from '../../common/index.js';
import { appliesTo } from '../engine/entity-filter.js';
import type { ScorecardsStores } from '../evaluation/scorecards-stores.js';
import { keepReadable, type ReadScope } from './read-scope.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MET: ReadonlySet<string> = new Set(['passed', 'warning', 'not-applicable']);

/**
 * A campaign's progress: entities it applies to, those meeting every check of every level
 * (exemptions count), per owner; and the burn-down of remaining entities per day since the
 * start, replayed from the history.
 */
export async function campaignProgress(stores: ScorecardsStores, campaign: Campaign, scope: ReadScope) {
  const checkIds = [...new Set(campaign.levels.flatMap((level) => level.checks.map((check) => check.id)))];
  const all = await stores.entities.get(await stores.entities.allRefs());
  // Readable entities only: hidden teams do not show and every count is over what the caller may read.
  const inScope = keepReadable(scope, all).filter((entity) => appliesTo(entity.entity, campaign));
  const refs = inScope.map((entity) => entity.entityRef);
  const [states, exemptions] = await Promise.all([
    stores.results.statesFor(refs),
    stores.exemptions.activeFor(refs),
  ]);
  const isDone = (ref: string, state: (checkId: string) => CheckState | undefined) =>
    checkIds.every((checkId) => exemptions.get(ref)?.has(checkId) || MET.has(state(checkId) ?? ''));
  const byOwner = new Map<string, { ownerRef: string; entityCount: number; completedCount: number }>();
  let completedCount = 0;
  for (const entity of inScope) {
    const done = isDone(entity.entityRef, (checkId) => states.get(entity.entityRef)?.get(checkId));
    const owner = byOwner.get(entity.ownerRef) ?? {
      ownerRef: entity.ownerRef,
      entityCount: 0,
      completedCount: 0,
    };
    owner.entityCount += 1;
    if (done) {
      owner.completedCount += 1;
      completedCount += 1;
    }
    byOwner.set(entity.ownerRef, owner);
  }
  const start = Date.parse(campaign.startDate);
  const end = Math.min(Date.now(), Date.parse(campaign.targetCompletionDate) + DAY_MS);
  const history = (
    await stores.history.list({ entityRefs: refs, checkIds, until: end }, 50_000, 0)
  ).transitions.reverse();
  const replay = new Map<string, Map<string, CheckState>>();
  const burnDown: Array<{ date: string; remaining: number }> = [];
  let index = 0;
  for (let dayEnd = start + DAY_MS; dayEnd <= end + DAY_MS && burnDown.length < 400; dayEnd += DAY_MS) {
    for (; index < history.length && Date.parse(history[index]?.at ?? '') < dayEnd; index++) {
      const row = history[index];
      if (!row) break;
      const entityStates = replay.get(row.entityRef) ?? new Map<string, CheckState>();
      entityStates.set(row.checkId, row.toState);
      replay.set(row.entityRef, entityStates);
    }
    const remaining = refs.filter((ref) => !isDone(ref, (checkId) => replay.get(ref)?.get(checkId))).length;
    burnDown.push({ date: new Date(dayEnd - DAY_MS).toISOString().slice(0, 10), remaining });
  }
  return {
    campaignId: campaign.id,
    entityCount: inScope.length,
    completedCount,
    byOwner: [...byOwner.values()],
    burnDown,
  };
}
