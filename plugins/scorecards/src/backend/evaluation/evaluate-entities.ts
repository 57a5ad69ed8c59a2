import { createHash } from 'node:crypto';
import type { Certification, CheckState } from '../../common/index.js';
import type { DefinitionRegistry, DefinitionSnapshot } from '../definitions/definition-registry.js';
import { certify, type EffectiveStates } from '../engine/certify.js';
import type { FactValue } from '../engine/compile-rule.js';
import { appliesTo } from '../engine/entity-filter.js';
import { evaluateCheck } from '../engine/evaluate-check.js';
import { TRACK_FACT_PREFIX } from '../engine/track-dependencies.js';
import type { KnownEntity } from '../store/entity-store.js';
import type { FactWrite } from '../store/fact-store.js';
import { EVALUATOR, type ResultWrite } from '../store/result-store.js';
import type { ScorecardsStores } from './scorecards-stores.js';

// A track level read by another track's check re-evaluates it; cycles are refused, so
// this bounds only a long chain.
const MAX_CHAIN = 10;

function ruleResults(
  snapshot: DefinitionSnapshot,
  entity: KnownEntity,
  facts: ReadonlyMap<string, FactValue>,
  checkIds?: ReadonlySet<string>,
) {
  const plain: ResultWrite[] = [];
  const preserving: ResultWrite[] = [];
  for (const check of snapshot.checks) {
    if (checkIds && !checkIds.has(check.id)) continue;
    const broken = snapshot.broken.get(check.id);
    const evaluation = broken
      ? { state: 'error' as const, details: { message: broken } }
      : evaluateCheck(check, snapshot.rules.get(check.id), entity.entity, facts);
    if (!evaluation) continue;
    const write = {
      entityRef: entity.entityRef,
      checkId: check.id,
      scope: 'default',
      submittedBy: EVALUATOR,
      ownerRef: entity.ownerRef,
      ...evaluation,
    };
    (check.preserveStateOnError ? preserving : plain).push(write);
  }
  return { plain, preserving };
}

function effectiveStates(
  states: Map<string, CheckState> | undefined,
  exempt: Set<string> | undefined,
): EffectiveStates {
  const out = new Map<string, { state: CheckState; exempted: boolean }>();
  for (const [checkId, state] of states ?? [])
    out.set(checkId, { state, exempted: exempt?.has(checkId) ?? false });
  for (const checkId of exempt ?? [])
    if (!out.has(checkId)) out.set(checkId, { state: 'failed', exempted: true });
  return out;
}

/** Certifies the entities in every track that applies; answers the track facts to store. */
async function certifyEntities(
  stores: ScorecardsStores,
  snapshot: DefinitionSnapshot,
  entities: KnownEntity[],
  now: number,
): Promise<FactWrite[]> {
  const refs = entities.map((entity) => entity.entityRef);
  const [states, exemptions] = await Promise.all([
    stores.results.statesFor(refs, snapshot.trackCheckIds),
    stores.exemptions.activeFor(refs),
  ]);
  const at = new Date(now).toISOString();
  const writes: Array<{ certification: Certification; ownerRef: string }> = [];
  const trackFacts: FactWrite[] = [];
  const applyingTracks: Array<{ entityRef: string; trackIds: string[] }> = [];
  for (const entity of entities) {
    const effective = effectiveStates(states.get(entity.entityRef), exemptions.get(entity.entityRef));
    const applying = snapshot.tracks.filter((track) => appliesTo(entity.entity, track));
    for (const track of applying) {
      const certification = certify(track, entity.entityRef, effective, at);
      writes.push({ certification, ownerRef: entity.ownerRef });
      trackFacts.push({
        entityRef: entity.entityRef,
        factRef: `${TRACK_FACT_PREFIX}${track.id}`,
        timestamp: now,
        data: { highestLevel: certification.highestLevel ?? { ordinal: 0, name: 'none' } },
      });
    }
    applyingTracks.push({ entityRef: entity.entityRef, trackIds: applying.map((track) => track.id) });
  }
  await stores.certifications.keepOnly(applyingTracks);
  await stores.certifications.write(writes, now);
  return trackFacts;
}

/** A digest of an entity's rule results: equal digests mean nothing to write. */
function digestOf(writes: ResultWrite[]): string {
  const parts = writes.map((write) => [write.checkId, write.state, write.details]);
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/**
 * The rule results to write for some entities. A full run (no `checkIds`) leaves out an
 * entity whose results have the digest of its last full run: nothing changed for it.
 */
function resultsToWrite(
  snapshot: DefinitionSnapshot,
  entities: KnownEntity[],
  facts: Map<string, Map<string, FactValue>>,
  checkIds: ReadonlySet<string> | undefined,
) {
  const plain: ResultWrite[] = [];
  const preserving: ResultWrite[] = [];
  const digests: Array<{ entityRef: string; digest: string }> = [];
  for (const entity of entities) {
    const out = ruleResults(snapshot, entity, facts.get(entity.entityRef) ?? new Map(), checkIds);
    if (!checkIds) {
      const digest = digestOf([...out.plain, ...out.preserving]);
      digests.push({ entityRef: entity.entityRef, digest });
      if (digest === entity.resultsDigest) continue;
    }
    plain.push(...out.plain);
    preserving.push(...out.preserving);
  }
  return { plain, preserving, digests };
}

/**
 * Evaluates the rule checks of some entities from their stored facts, stores results (a
 * history row per change), then certifies them in every track and stores the levels as
 * `scorecards:default/track/<id>` facts, re-evaluating the checks that read a changed one.
 * `checkIds` limits the rule checks evaluated (a new fact evaluates only its readers).
 */
export async function evaluateEntities(
  stores: ScorecardsStores,
  registry: DefinitionRegistry,
  entityRefs: string[],
  options: { checkIds?: ReadonlySet<string>; now?: number } = {},
): Promise<void> {
  const snapshot = await registry.snapshot();
  let refs = [...new Set(entityRefs)];
  let checkIds = options.checkIds;
  for (let round = 0; round < MAX_CHAIN && refs.length > 0; round++) {
    const now = options.now ?? Date.now();
    const entities = await stores.entities.get(refs);
    const facts = await stores.facts.forEntities(refs);
    const { plain, preserving, digests } = resultsToWrite(snapshot, entities, facts, checkIds);
    const written = [
      ...(await stores.results.write(plain, { now, skipUnchanged: true })),
      ...(await stores.results.write(preserving, { now, preserveStateOnError: true, skipUnchanged: true })),
    ];
    if (checkIds) await stores.entities.clearDigests([...new Set(written.map((result) => result.entityRef))]);
    else await stores.entities.recordFullEvaluation(digests, now);
    const trackFacts = await certifyEntities(stores, snapshot, entities, now);
    const changed = await stores.facts.write(trackFacts, { skipUnchanged: true });
    const readers = new Set(changed.flatMap((fact) => snapshot.checksByFact.get(fact.factRef) ?? []));
    refs = readers.size > 0 ? [...new Set(changed.map((fact) => fact.entityRef))] : [];
    checkIds = readers;
  }
}
