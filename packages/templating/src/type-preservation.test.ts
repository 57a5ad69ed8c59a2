import { describe, expect, it } from 'vitest';
import { collectStrings, preservedValue, replaceStrings } from './type-preservation.js';

describe('collectStrings / replaceStrings', () => {
  const value = { a: 'x', list: ['y', 1, { 'my-key': 'z', 'odd key': 'w' }], n: null, b: true };

  it('lists strings depth first with readable paths', () => {
    expect(collectStrings(value)).toEqual([
      { path: 'a', template: 'x' },
      { path: 'list[0]', template: 'y' },
      { path: 'list[2].my-key', template: 'z' },
      { path: 'list[2]["odd key"]', template: 'w' },
    ]);
    expect(collectStrings('top')).toEqual([{ path: '', template: 'top' }]);
  });

  it('replaces in the same order, omitting undefined object entries', () => {
    expect(replaceStrings(value, [1, undefined, 'Z', undefined])).toEqual({
      a: 1,
      list: [undefined, 1, { 'my-key': 'Z' }],
      n: null,
      b: true,
    });
  });

  it('keeps a "__proto__" key as an own data property', () => {
    const input = JSON.parse('{"__proto__": "x"}');
    const output = replaceStrings(input, [{ polluted: true }]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('preservedValue', () => {
  it.each([
    [{ t: 'value' as const, json: '3' }, 3],
    [{ t: 'value' as const, json: '{"a":[1]}' }, { a: [1] }],
    [{ t: 'value' as const }, undefined],
    [{ t: 'text' as const, text: '' }, undefined],
    [{ t: 'text' as const, text: 'false' }, 'false'],
    [{ t: 'text' as const, text: 'false', coercible: true }, false],
    [{ t: 'text' as const, text: '42', coercible: true }, 42],
    [{ t: 'text' as const, text: 'not json', coercible: true }, 'not json'],
  ])('%j becomes %j', (result, expected) => {
    expect(preservedValue(result)).toEqual(expected);
  });
});
