import { InputError } from '@atrium/errors';
import safeRegex from 'safe-regex2';
import semver from 'semver';
import type { RuleOperator } from '../../common/index.js';

const MAX_PATTERN_LENGTH = 500;

/**
 * Refuses a pattern that could backtrack catastrophically (nested quantifiers, star height
 * above 1) or is not a regular expression at all, before it ever runs on untrusted input.
 */
export function compileSafeRegex(pattern: unknown): RegExp {
  if (typeof pattern !== 'string' || pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH)
    throw new InputError(
      `the 'matches' value must be a regular expression of 1 to ${MAX_PATTERN_LENGTH} characters`,
    );
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (cause) {
    throw new InputError(`'${pattern}' is not a valid regular expression: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (!safeRegex(regex))
    throw new InputError(
      `the regular expression '${pattern}' could backtrack catastrophically (nested or overlapping quantifiers); simplify it`,
      { details: { pattern } },
    );
  return regex;
}

function compare(actual: unknown, expected: unknown): number | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return undefined;
}

function isEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null)
    return JSON.stringify(actual) === JSON.stringify(expected);
  return false;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => isEqual(item, expected));
  if (typeof actual === 'string' && typeof expected === 'string') return actual.includes(expected);
  return false;
}

function satisfies(actual: unknown, range: unknown): boolean {
  if (typeof actual !== 'string' || typeof range !== 'string') return false;
  const version = semver.coerce(actual);
  return version !== null && semver.satisfies(version, range);
}

/** A compiled operator: takes the value at the path (undefined when the path selects nothing). */
export type OperatorTest = (actual: unknown) => boolean;

/**
 * Compiles a leaf's operator and value, refusing a bad value up front (a catastrophic or
 * invalid regex, a bad semver range, `in` without a list).
 */
export function compileOperator(operator: RuleOperator, value: unknown): OperatorTest {
  switch (operator) {
    case 'equal':
      return (actual) => isEqual(actual, value);
    case 'notEqual':
      return (actual) => !isEqual(actual, value);
    case 'greaterThan':
      return (actual) => (compare(actual, value) ?? Number.NaN) > 0;
    case 'greaterThanInclusive':
      return (actual) => (compare(actual, value) ?? Number.NaN) >= 0;
    case 'lessThan':
      return (actual) => (compare(actual, value) ?? Number.NaN) < 0;
    case 'lessThanInclusive':
      return (actual) => (compare(actual, value) ?? Number.NaN) <= 0;
    case 'matches': {
      const regex = compileSafeRegex(value);
      return (actual) => typeof actual === 'string' && regex.test(actual);
    }
    case 'contains':
      return (actual) => contains(actual, value);
    case 'doesNotContain':
      return (actual) => !contains(actual, value);
    case 'in':
    case 'notIn': {
      if (!Array.isArray(value)) throw new InputError(`the '${operator}' value must be a list`);
      const isIn = (actual: unknown) => value.some((item) => isEqual(actual, item));
      return operator === 'in' ? isIn : (actual) => !isIn(actual);
    }
    case 'exists':
      return (actual) => (value === false ? actual === undefined : actual !== undefined && actual !== null);
    case 'semverSatisfies':
      if (typeof value !== 'string' || semver.validRange(value) === null)
        throw new InputError(`'${String(value)}' is not a valid semver range`);
      return (actual) => satisfies(actual, value);
  }
}
