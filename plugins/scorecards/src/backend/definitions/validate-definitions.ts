import { InputError } from '@atrium/errors';
import type { z } from 'zod';
import {
  type Check,
  campaignInputSchema,
  checkInputSchema,
  type Rule,
  type Track,
  trackInputSchema,
} from '../../common/index.js';
import { type CompiledRule, compileRule } from '../engine/compile-rule.js';
import { assertNoTrackCycle, TRACK_FACT_PREFIX } from '../engine/track-dependencies.js';

/** Parses with a schema, turning zod's issues into one InputError that names the definition. */
export function parseDefinition<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new InputError(`${what} is not valid: ${issues.join('; ')}`, { details: { issues } });
}

/** A check's kind from its fields, as Soundcheck decides it. */
export function checkKind(input: z.output<typeof checkInputSchema>): Check['type'] {
  if (input.type === 'manual') return 'manual';
  if (input.rule !== undefined) return 'rule';
  if (input.type === 'rule') throw new InputError(`check '${input.id}' has type 'rule' but no rule`);
  return 'external';
}

/** Compiles a check's rule, naming the check in the error when it is refused. */
export function compileCheckRule(
  id: string,
  rule: Rule,
  isKnownFact: (factRef: string) => boolean,
): CompiledRule {
  try {
    return compileRule(rule, isKnownFact);
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(`check '${id}': ${error.message}`, { cause: error, details: error.details });
    throw error;
  }
}

/** Validates a check as written: schema, kind, and its rule (facts, paths, regexes, ranges). */
export function validateCheck(value: unknown, isKnownFact: (factRef: string) => boolean) {
  const input = parseDefinition(checkInputSchema, value, 'the check');
  const type = checkKind(input);
  if (input.rule) compileCheckRule(input.id, input.rule, isKnownFact);
  return { ...input, type };
}

function checkLevels(
  what: string,
  input: z.output<typeof trackInputSchema>,
  checkIds: ReadonlySet<string>,
): void {
  const ordinals = new Set<number>();
  for (const level of input.levels) {
    if (ordinals.has(level.ordinal))
      throw new InputError(`${what} '${input.id}' has two levels of ordinal ${level.ordinal}`);
    ordinals.add(level.ordinal);
    for (const { id } of level.checks)
      if (!checkIds.has(id))
        throw new InputError(
          `${what} '${input.id}' level ${level.ordinal} names check '${id}', which does not exist`,
        );
  }
}

/** Validates a track: schema, unique ordinals, existing checks. */
export function validateTrack(value: unknown, checkIds: ReadonlySet<string>) {
  const input = parseDefinition(trackInputSchema, value, 'the track');
  checkLevels('track', input, checkIds);
  return input;
}

/** Validates a campaign: as a track, and it ends after it starts. */
export function validateCampaign(value: unknown, checkIds: ReadonlySet<string>) {
  const input = parseDefinition(campaignInputSchema, value, 'the campaign');
  checkLevels('campaign', input, checkIds);
  if (input.targetCompletionDate < input.startDate)
    throw new InputError(
      `campaign '${input.id}' ends (${input.targetCompletionDate}) before it starts (${input.startDate})`,
    );
  return input;
}

/** The tracks each track's checks read the level of (`scorecards:default/track/<id>` facts). */
export function trackDependencies(
  tracks: readonly Track[],
  rules: ReadonlyMap<string, CompiledRule>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const track of tracks) {
    const reads = new Set<string>();
    for (const level of track.levels)
      for (const { id } of level.checks)
        for (const factRef of rules.get(id)?.factRefs ?? [])
          if (factRef.startsWith(TRACK_FACT_PREFIX)) reads.add(factRef.slice(TRACK_FACT_PREFIX.length));
    out.set(track.id, [...reads]);
  }
  return out;
}

/** Refuses a set of tracks whose levels depend on each other in a cycle. */
export function assertTracksAcyclic(
  tracks: readonly Track[],
  rules: ReadonlyMap<string, CompiledRule>,
): void {
  assertNoTrackCycle(trackDependencies(tracks, rules));
}
