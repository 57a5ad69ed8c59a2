import { describe, expect, it } from 'vitest';
import { newCheckDraft, toCheckInput } from './check-draft.js';
import { formatValue, isCondition, parseValue } from './rule-model.js';

describe('rule values', () => {
  it('reads JSON where the text is JSON and plain text otherwise', () => {
    expect(parseValue('3')).toBe(3);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('["a", "b"]')).toEqual(['a', 'b']);
    expect(parseValue('production')).toBe('production');
    expect(parseValue('>=18 <21')).toBe('>=18 <21');
    expect(parseValue('  ')).toBeUndefined();
  });

  it('writes a value back as text that reads as the same value', () => {
    for (const value of [3, true, ['a', 'b'], 'production', '3', 'true', { a: 1 }]) {
      expect(parseValue(formatValue(value))).toEqual(value);
    }
    expect(formatValue('3')).toBe('"3"');
    expect(formatValue(undefined)).toBe('');
  });
});

describe('check drafts', () => {
  it('start as a rule check with one condition', () => {
    const draft = newCheckDraft();
    expect(draft.type).toBe('rule');
    expect(draft.rule && 'all' in draft.rule && draft.rule.all.every(isCondition)).toBe(true);
  });

  it('go to the API without empty texts, and without a rule unless they are rule checks', () => {
    const draft = { ...newCheckDraft(), id: 'x', name: 'X', description: ' ', failedMessage: 'Fix it' };
    expect(toCheckInput(draft)).toEqual({
      id: 'x',
      name: 'X',
      type: 'rule',
      rule: draft.rule,
      failedMessage: 'Fix it',
    });
    expect(toCheckInput({ ...draft, type: 'manual' })).not.toHaveProperty('rule');
  });
});
