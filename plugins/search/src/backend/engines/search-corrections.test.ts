import { describe, expect, it } from 'vitest';
import { splitsOf } from './search-corrections.js';

describe('typo corrections', () => {
  it('splits a word in two where a separator was left out or typed as a letter', () => {
    const splits = splitsOf('fraudxapi').map((pair) => pair.join(' '));
    expect(splits).toContain('fraud api');
    expect(splits).toContain('fraud xapi');
    expect(splits).toContain('fraudx api');
    // Both halves keep three letters at least: no 'fr audxapi', no 'fraudxa pi'.
    expect(splits.every((split) => split.split(' ').every((part) => part.length >= 3))).toBe(true);
    expect(splitsOf('abcde')).toEqual([]);
  });
});
