import { describe, expect, it } from 'vitest';
import { evaluateWhen } from './when-expression.js';

// Builds `${{ … }}` text without a string that looks like a broken JS template literal.
const expr = (code: string) => `$\u007b{ ${code} }}`;

describe('evaluateWhen', () => {
  const values = { useDb: true, kind: 'postgres', tags: [], nested: { on: 1 } };
  it.each([
    [undefined, true],
    [false, false],
    [expr('parameters.useDb'), true],
    [expr('parameters.missing'), false],
    [expr("parameters.kind == 'postgres'"), true],
    [expr("parameters.kind != 'postgres'"), false],
    [expr('not parameters.useDb'), false],
    [expr('!parameters.useDb || parameters.nested.on'), true],
    [expr("parameters.useDb and parameters['kind'] === 'mysql'"), false],
    [expr('parameters.tags'), false],
    [expr('(parameters.useDb) && true'), true],
  ])('%s → %s', (when, expected) => {
    expect(evaluateWhen(when as string | boolean | undefined, values)).toBe(expected);
  });

  it('shows the page when the condition cannot be read, and never runs code', () => {
    expect(evaluateWhen(expr('parameters.constructor.constructor("return 1")()'), values)).toBe(true);
    expect(evaluateWhen(expr('parameters.__proto__'), values)).toBe(false);
  });
});
