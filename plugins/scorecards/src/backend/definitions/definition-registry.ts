import type { Campaign, Check, Track } from '../../common/index.js';
import { checkInputSchema } from '../../common/index.js';
import type { FactCollector } from '../collectors/fact-collector.js';
import type { CompiledRule } from '../engine/compile-rule.js';
import { TRACK_FACT_PREFIX } from '../engine/track-dependencies.js';
import type { DefinitionStore, StoredDefinition } from '../store/definition-store.js';
import { checkKind, compileCheckRule } from './validate-definitions.js';

/** Every definition, parsed and compiled, as one evaluation run sees them. */
export interface DefinitionSnapshot {
  checks: Check[];
  checksById: Map<string, Check>;
  rules: Map<string, CompiledRule>;
  tracks: Track[];
  campaigns: Campaign[];
  /** Check ids per factRef they read (which checks a new fact triggers). */
  checksByFact: Map<string, string[]>;
  /** The checks some track level lists (the only states certification reads). */
  trackCheckIds: string[];
  /** Checks whose stored rule no longer compiles (a collector was removed): id → reason. */
  broken: Map<string, string>;
}

function withMeta<T>(stored: StoredDefinition): T {
  return {
    ...stored.body,
    source: stored.source,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  } as T;
}

async function isKnownFactWith(declared: ReadonlySet<string>, trackIds: () => Promise<Set<string>>) {
  const tracks = await trackIds();
  return (factRef: string) =>
    declared.has(factRef) ||
    (factRef.startsWith(TRACK_FACT_PREFIX) && tracks.has(factRef.slice(TRACK_FACT_PREFIX.length)));
}

async function loadSnapshot(
  store: DefinitionStore,
  declared: ReadonlySet<string>,
): Promise<DefinitionSnapshot> {
  const [checkRows, trackRows, campaignRows] = await Promise.all([
    store.list('check'),
    store.list('track'),
    store.list('campaign'),
  ]);
  const tracks = trackRows.map((row) => withMeta<Track>(row));
  const isKnownFact = await isKnownFactWith(declared, async () => new Set(tracks.map((track) => track.id)));
  const checks: Check[] = [];
  const rules = new Map<string, CompiledRule>();
  const broken = new Map<string, string>();
  const checksByFact = new Map<string, string[]>();
  for (const row of checkRows) {
    const input = checkInputSchema.parse(row.body);
    const check = withMeta<Check>({ ...row, body: { ...input, type: checkKind(input) } });
    checks.push(check);
    if (!check.rule) continue;
    try {
      const rule = compileCheckRule(check.id, check.rule, isKnownFact);
      rules.set(check.id, rule);
      for (const factRef of rule.factRefs)
        checksByFact.set(factRef, [...(checksByFact.get(factRef) ?? []), check.id]);
    } catch (error) {
      broken.set(check.id, (error as Error).message);
    }
  }
  return {
    checks,
    checksById: new Map(checks.map((check) => [check.id, check])),
    rules,
    tracks,
    campaigns: campaignRows.map((row) => withMeta<Campaign>(row)),
    checksByFact,
    trackCheckIds: [
      ...new Set(
        tracks.flatMap((track) => track.levels.flatMap((level) => level.checks.map((check) => check.id))),
      ),
    ],
    broken,
  };
}

/**
 * Loads and compiles definitions, cached until {@link DefinitionRegistry.invalidate} (an
 * edit here, or another backend's edit announced through events).
 */
export function createDefinitionRegistry(store: DefinitionStore, collectors: readonly FactCollector[]) {
  const declared = new Set(collectors.flatMap((collector) => collector.facts.map((fact) => fact.factRef)));
  let cached: Promise<DefinitionSnapshot> | undefined;

  return {
    snapshot(): Promise<DefinitionSnapshot> {
      cached ??= loadSnapshot(store, declared).catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    invalidate(): void {
      cached = undefined;
    },
    /** Whether a factRef is declared by a collector or names an existing track's level. */
    async isKnownFact(): Promise<(factRef: string) => boolean> {
      return isKnownFactWith(declared, async () => new Set((await store.list('track')).map((row) => row.id)));
    },
  };
}

/** The definition registry. */
export type DefinitionRegistry = ReturnType<typeof createDefinitionRegistry>;
