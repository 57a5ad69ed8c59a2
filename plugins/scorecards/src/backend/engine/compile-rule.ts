import { InputError } from '@atrium/errors';
import type { Rule, RuleCondition } from '../../common/index.js';
import { compileJsonPath } from './json-path.js';
import { compileOperator } from './operators.js';

/** A fact as the engine sees it: its data, or why the collector could not produce it. */
export type FactValue = { data: unknown } | { error: string };

/** What evaluating a rule found. */
export interface RuleOutcome {
  passed: boolean;
  /** Facts the rule read that were never collected for the entity. */
  missingFacts: string[];
  /** Facts whose collector failed for the entity: the check's state is `error`. */
  failedFacts: Array<{ factRef: string; error: string }>;
}

/** A compiled rule: evaluates against the entity's facts by factRef. */
export interface CompiledRule {
  readonly factRefs: ReadonlySet<string>;
  evaluate(facts: ReadonlyMap<string, FactValue>): RuleOutcome;
}

type Evaluate = (facts: ReadonlyMap<string, FactValue>, outcome: RuleOutcome) => boolean;

// A negative test over several selected values must hold for each, a positive one for any.
const NEGATIVE = new Set(['notEqual', 'doesNotContain', 'notIn']);

function compileLeaf(
  leaf: RuleCondition,
  factRefs: Set<string>,
  isKnownFact: (ref: string) => boolean,
): Evaluate {
  if (!isKnownFact(leaf.factRef))
    throw new InputError(
      `the rule reads fact '${leaf.factRef}', which no installed collector declares; see GET /fact-collectors`,
      { details: { factRef: leaf.factRef } },
    );
  factRefs.add(leaf.factRef);
  const path = compileJsonPath(leaf.path ?? '$');
  const test = compileOperator(leaf.operator, leaf.value);
  const isNegative = NEGATIVE.has(leaf.operator);
  return (facts, outcome) => {
    const fact = facts.get(leaf.factRef);
    if (fact && 'error' in fact) {
      outcome.failedFacts.push({ factRef: leaf.factRef, error: fact.error });
      return false;
    }
    if (!fact) outcome.missingFacts.push(leaf.factRef);
    const values = fact ? path.select(fact.data) : [];
    if (values.length <= 1) return test(values[0]);
    return isNegative ? values.every(test) : values.some(test);
  };
}

function compileNode(
  rule: Rule,
  factRefs: Set<string>,
  isKnownFact: (ref: string) => boolean,
  depth: number,
): Evaluate {
  if (depth > 20) throw new InputError('the rule nests deeper than 20 levels');
  if ('all' in rule) {
    const parts = rule.all.map((part) => compileNode(part, factRefs, isKnownFact, depth + 1));
    return (facts, outcome) => parts.map((part) => part(facts, outcome)).every(Boolean);
  }
  if ('any' in rule) {
    const parts = rule.any.map((part) => compileNode(part, factRefs, isKnownFact, depth + 1));
    return (facts, outcome) => parts.map((part) => part(facts, outcome)).some(Boolean);
  }
  if ('not' in rule) {
    const inner = compileNode(rule.not, factRefs, isKnownFact, depth + 1);
    return (facts, outcome) => !inner(facts, outcome);
  }
  return compileLeaf(rule, factRefs, isKnownFact);
}

/**
 * Compiles a check's rule once (JSONPaths, regexes, semver ranges, fact refs all checked
 * here, so a bad check is refused when it is saved, not when it runs).
 *
 * @example
 * const rule = compileRule({ factRef: 'catalog:default/entity_descriptor', path: '$.spec.owner', operator: 'exists' }, () => true);
 * rule.evaluate(new Map([['catalog:default/entity_descriptor', { data: entity }]])).passed;
 */
export function compileRule(rule: Rule, isKnownFact: (factRef: string) => boolean): CompiledRule {
  const factRefs = new Set<string>();
  const evaluate = compileNode(rule, factRefs, isKnownFact, 0);
  return {
    factRefs,
    evaluate(facts) {
      const outcome: RuleOutcome = { passed: false, missingFacts: [], failedFacts: [] };
      outcome.passed = evaluate(facts, outcome);
      return outcome;
    },
  };
}
