import type { Rule, RuleCondition } from '../../common/index.js';

/** The fact every catalog entity has, the default of a new condition. */
export const ENTITY_DESCRIPTOR_FACT = 'catalog:default/entity_descriptor';

/** A new leaf condition on the given fact. */
export function newCondition(factRef = ENTITY_DESCRIPTOR_FACT): RuleCondition {
  return { factRef, path: '$.spec.owner', operator: 'exists' };
}

/** Whether a rule is a leaf (and not an `all` / `any` / `not` combinator). */
export function isCondition(rule: Rule): rule is RuleCondition {
  return 'factRef' in rule;
}

/**
 * A value field's text as the rule's value: JSON when it parses (numbers, booleans, lists),
 * the plain text otherwise; empty text is no value.
 *
 * @example
 * parseValue('3'); // 3
 * parseValue('["a","b"]'); // ['a', 'b']
 * parseValue('production'); // 'production'
 */
export function parseValue(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A rule's value as the text of its field (the inverse of {@link parseValue}). */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    // A string that would parse as something else is shown quoted, so it stays a string.
    return parseValue(value) === value ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}
