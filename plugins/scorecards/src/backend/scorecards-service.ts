import { type CatalogClient, createCatalogClient } from '@atrium/catalog/common';
import { NotFoundError } from '@atrium/errors';
import {
  type AuthService,
  type DiscoveryService,
  type EventsService,
  type LoggerService,
  pluginClientOptions,
} from '@atrium/kernel';
import { runCollector } from './collection/run-collector.js';
import { ENTITY_DESCRIPTOR_FACT, readCatalog, toKnownEntity } from './collectors/catalog-collector.js';
import type { FactCollector } from './collectors/fact-collector.js';
import type { DefinitionRegistry } from './definitions/definition-registry.js';
import { evaluateEntities } from './evaluation/evaluate-entities.js';
import type { ScorecardsStores } from './evaluation/scorecards-stores.js';
import type { FactWrite } from './store/fact-store.js';

/** Announced after results change, so other backends (and UIs polling them) can refresh. */
export const SCORECARDS_RESULTS_TOPIC = 'scorecards.results.changed';
/** Announced after a definition edit, so other backends drop their compiled definitions. */
export const SCORECARDS_DEFINITIONS_TOPIC = 'scorecards.definitions.changed';

const CHUNK = 500;

/** What the service needs. */
export interface ScorecardsServiceDeps {
  stores: ScorecardsStores;
  registry: DefinitionRegistry;
  collectors: readonly FactCollector[];
  auth: AuthService;
  discovery: DiscoveryService;
  events: EventsService;
  logger: LoggerService;
}

/** Reads the whole catalog: entities and their descriptor facts; forgets deleted entities. */
async function syncCatalog(
  deps: ScorecardsServiceDeps,
  catalog: CatalogClient,
  onFactsChanged: (changed: FactWrite[]) => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  const { stores } = deps;
  const seen = new Set<string>();
  for await (const page of readCatalog(catalog)) {
    if (signal?.aborted) return seen.size;
    const known = page.map((item) => item.known);
    for (const entity of known) seen.add(entity.entityRef);
    const before = await stores.entities.known(known.map((entity) => entity.entityRef));
    await stores.entities.upsert(known);
    const now = Date.now();
    const facts = page.map(({ known: entity, entity: raw }) => ({
      entityRef: entity.entityRef,
      factRef: ENTITY_DESCRIPTOR_FACT,
      data: raw,
      timestamp: now,
    }));
    const changed = await stores.facts.write(facts, { skipUnchanged: true });
    // An entity new to scorecards is evaluated even if its stored descriptor is unchanged
    // (it was forgotten while the catalog briefly did not list it; its facts were kept).
    const fresh = facts.filter((fact) => !before.has(fact.entityRef));
    await onFactsChanged([...changed, ...fresh]);
  }
  const gone = await stores.entities.removeExcept(seen);
  await stores.results.removeEntities(gone);
  return seen.size;
}

/**
 * Makes sure scorecards knows the entities (reading unknown ones from the catalog); an
 * entity the catalog does not have is refused, naming it.
 */
async function requireEntities(
  stores: ScorecardsStores,
  catalog: CatalogClient,
  entityRefs: string[],
): Promise<void> {
  const refs = [...new Set(entityRefs.map((ref) => ref.toLowerCase()))];
  const known = new Set((await stores.entities.get(refs)).map((entity) => entity.entityRef));
  const unknown = refs.filter((ref) => !known.has(ref));
  if (unknown.length === 0) return;
  const { items } = await catalog.getEntitiesByRefs({ body: { entityRefs: unknown } });
  const found = items.flatMap((entity) => (entity ? [toKnownEntity(entity)] : []));
  await stores.entities.upsert(found);
  const now = Date.now();
  await stores.facts.write(
    items.flatMap((entity, index) =>
      entity
        ? [
            {
              entityRef: unknown[index] as string,
              factRef: ENTITY_DESCRIPTOR_FACT,
              data: entity,
              timestamp: now,
            },
          ]
        : [],
    ),
  );
  const missing = unknown.filter((_, index) => !items[index]);
  if (missing.length > 0)
    throw new NotFoundError(`no entity ${missing.map((ref) => `'${ref}'`).join(', ')} in the catalog`, {
      details: { entityRefs: missing },
    });
}

/**
 * One evaluation at a time on this backend: an evaluation reads facts, then writes
 * results; run side by side, an older read could overwrite a newer result.
 */
function createExclusive() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}

/** Collection and evaluation: the work the scheduler runs and the routes trigger. */
export function createScorecardsService(deps: ScorecardsServiceDeps) {
  const { stores, registry } = deps;
  const catalog = () => createCatalogClient(pluginClientOptions(deps, 'catalog'));
  const exclusive = createExclusive();
  const evaluate = (refs: string[], options: Parameters<typeof evaluateEntities>[3] = {}) =>
    exclusive(() => evaluateEntities(stores, registry, refs, options));

  /**
   * Evaluates the entities whose facts changed. Every rule check of such an entity runs
   * (not only the readers of the changed fact): a few more evaluations for that entity,
   * and its results digest stays whole, so the next full run can skip it.
   */
  async function onFactsChanged(changed: FactWrite[]): Promise<void> {
    if (changed.length === 0) return;
    const refs = [...new Set(changed.map((fact) => fact.entityRef))];
    for (let start = 0; start < refs.length; start += CHUNK) await evaluate(refs.slice(start, start + CHUNK));
    await deps.events.publish({
      topic: SCORECARDS_RESULTS_TOPIC,
      eventPayload: { entityRefs: refs.slice(0, 1000) },
    });
  }

  return {
    onFactsChanged,
    /** Evaluates entities (all rule checks, or `checkIds`), one evaluation at a time. */
    evaluate,
    /** Certifies entities again without evaluating rules (after a pushed result or an exemption). */
    recertify: (refs: string[]) => evaluate(refs, { checkIds: new Set() }),
    syncCatalog: (signal?: AbortSignal) => syncCatalog(deps, catalog(), onFactsChanged, signal),
    /** Runs one collector for some entities now (`POST /facts/collect`). */
    async collectFor(collector: FactCollector, entityRefs: string[]): Promise<void> {
      const entities = await stores.entities.get(entityRefs);
      const signal = new AbortController().signal;
      const facts = await runCollector(collector, entities, { signal, logger: deps.logger });
      await onFactsChanged(await stores.facts.write(facts, { skipUnchanged: true }));
    },
    /** Runs one collector over every known entity. */
    async runCollector(collector: FactCollector, signal: AbortSignal): Promise<void> {
      const refs = await stores.entities.allRefs();
      for (let start = 0; start < refs.length; start += CHUNK) {
        const entities = await stores.entities.get(refs.slice(start, start + CHUNK));
        const facts = await runCollector(collector, entities, { signal, logger: deps.logger });
        await onFactsChanged(await stores.facts.write(facts, { skipUnchanged: true }));
      }
    },
    /** Evaluates every check for every known entity (the periodic full run). */
    async evaluateAll(signal?: AbortSignal): Promise<number> {
      const refs = await stores.entities.allRefs();
      for (let start = 0; start < refs.length && !signal?.aborted; start += CHUNK)
        await evaluate(refs.slice(start, start + CHUNK));
      return refs.length;
    },
    requireEntities: (entityRefs: string[]) => requireEntities(deps.stores, catalog(), entityRefs),
  };
}

/** The scorecards service. */
export type ScorecardsService = ReturnType<typeof createScorecardsService>;
