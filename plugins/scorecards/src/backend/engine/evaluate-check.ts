import type { Check, CheckState } from '../../common/index.js';
import type { CompiledRule, FactValue } from './compile-rule.js';
import { appliesTo, type FilterableEntity } from './entity-filter.js';

/** A state and its details, before it is stored. */
export interface Evaluation {
  state: CheckState;
  details: Record<string, unknown>;
}

/**
 * Evaluates a rule check for one entity: `not-applicable` outside its filter, `error` when
 * a fact it reads failed to collect, else passed, or failed (`warning` for a warning-only
 * check). Manual and external checks are not evaluated here: they answer undefined.
 *
 * @example
 * evaluateCheck(check, rule, entity, facts); // { state: 'passed', details: { message: 'Has an owner.' } }
 */
export function evaluateCheck(
  check: Check,
  rule: CompiledRule | undefined,
  entity: FilterableEntity,
  facts: ReadonlyMap<string, FactValue>,
): Evaluation | undefined {
  if (!appliesTo(entity, check)) return { state: 'not-applicable', details: {} };
  if (check.type !== 'rule' || !rule) return undefined;
  const outcome = rule.evaluate(facts);
  if (outcome.failedFacts.length > 0)
    return {
      state: 'error',
      details: {
        message: 'a fact this check reads could not be collected',
        failedFacts: outcome.failedFacts,
      },
    };
  const missing = outcome.missingFacts.length > 0 ? { missingFacts: [...new Set(outcome.missingFacts)] } : {};
  // A check without a message for the outcome says nothing rather than an empty message.
  const message = (text: string | undefined) => (text ? { message: text } : {});
  if (outcome.passed) return { state: 'passed', details: { ...message(check.passedMessage), ...missing } };
  return {
    state: check.warning ? 'warning' : 'failed',
    details: { ...message(check.failedMessage), ...missing },
  };
}
