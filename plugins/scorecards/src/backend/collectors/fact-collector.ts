import { type Duration, defineExtensionPoint, type TaskFrequency } from '@atrium/kernel';
import type { KnownEntity } from '../store/entity-store.js';

/** A fact a collector produces or accepts by push. */
export interface FactDeclaration {
  /** `<collectorId>:<namespace>/<factName>`. */
  factRef: string;
  description?: string;
  /** JSON Schema of the data; a pushed fact must match it. */
  schema?: Record<string, unknown>;
  /** Whether CI may push this fact (`POST /facts`). */
  pushable?: boolean;
}

/** What a collector produced for one entity. */
export interface CollectedFact {
  factRef: string;
  data: unknown;
}

/**
 * A source of facts, added through {@link scorecardsFactCollectorsExtensionPoint}. A
 * collector with `collect` runs on its schedule (one run across all backends); one
 * without only declares facts that are pushed.
 */
export interface FactCollector {
  /** The collector id, the part of a factRef before the colon. */
  id: string;
  description?: string;
  facts: FactDeclaration[];
  /** How often to collect (default: every hour). */
  frequency?: TaskFrequency;
  /** Per entity; past it the entity's facts of this collector are stored as errors. */
  timeout?: Duration;
  /** The entities it collects for (default: every entity). */
  appliesTo?(entity: KnownEntity): boolean;
  /** Facts of one entity. Throwing marks this collector's facts `error` for that entity only. */
  collect?(entity: KnownEntity, signal: AbortSignal): Promise<CollectedFact[]>;
}

/**
 * Where modules add fact collectors to scorecards.
 *
 * @example
 * defineModule({ plugin: 'scorecards', id: 'sonar', deps: {},
 *   extensionPoints: { collectors: scorecardsFactCollectorsExtensionPoint },
 *   init: ({ extensions }) => extensions.collectors.add(sonarCollector) });
 */
export const scorecardsFactCollectorsExtensionPoint = defineExtensionPoint<FactCollector>({
  id: 'scorecards.fact-collectors',
});
