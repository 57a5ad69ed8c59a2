// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is the template syntax under test.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTemplater } from './index.js';

// A short limit keeps the time-limit cases fast; everything else is unaffected by it.
const templater = createTemplater({
  timeoutMs: 300,
  additionalFilters: {
    // Filters are trusted code, but still run in the realm: these probe what it offers.
    probe:
      '() => [typeof process, typeof require, typeof module, typeof globalThis.process, typeof console].join()',
    codegen: '() => { try { return Function("return 1")(); } catch (error) { return error.name; } }',
    pollute:
      '() => { "use strict"; try { Object.prototype.polluted = "yes"; } catch (error) { return error.name; } return "done"; }',
  },
});
afterAll(() => templater.close());

const SECRET = 'atrium-templating-test-secret';
process.env.ATRIUM_TEMPLATING_TEST_SECRET = SECRET;
afterAll(() => {
  delete process.env.ATRIUM_TEMPLATING_TEST_SECRET;
});

// After every attack the templater must still render normally (a fresh realm or worker).
afterEach(async () => {
  expect(await templater.renderString('still ${{ "ok" | upper }}', {})).toBe('still OK');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function outcome(template: string): Promise<string> {
  try {
    return `rendered: ${await templater.renderString(template, {})}`;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

describe('escapes through the Function constructor', () => {
  it.each([
    '${{ "".constructor.constructor("return process")() }}',
    '${{ range.constructor("return process")() }}',
    '${{ cycler.constructor("return process")() }}',
    '${{ joiner["constructor"]("return process")() }}',
    '{% macro m() %}{% endmacro %}${{ m.constructor("return process")() }}',
    '${{ "".sub.call.constructor("return globalThis")() }}',
    '${{ ""["constr" + "uctor"]["constr" + "uctor"]("return process")() }}',
    '${{ [].map.constructor("return import(\'fs\')")() }}',
  ])('%s fails safely', async (template) => {
    const result = await outcome(template);
    expect(result).toMatch(/^TEMPLATING_RENDER: /);
    expect(result).not.toContain(SECRET);
  });

  it('gives filter code no Node globals and no code generation', async () => {
    expect(await templater.renderString('${{ null | probe }}', {})).toBe(
      'undefined,undefined,undefined,undefined,undefined',
    );
    expect(await templater.renderString('${{ null | codegen }}', {})).toBe('EvalError');
  });
});

describe('host objects and modules', () => {
  it.each([
    ['${{ this }}', 'rendered: '],
    ['${{ process.env }}', 'rendered: '],
    ['${{ process.env.ATRIUM_TEMPLATING_TEST_SECRET }}', 'rendered: '],
    ['${{ globalThis }}${{ global }}${{ window }}', 'rendered: '],
    ['${{ constructor }}${{ __proto__ }}', 'rendered: '],
    ['{% macro m() %}${{ m.caller }}${{ m.arguments }}{% endmacro %}${{ m() }}', 'rendered: '],
  ])('%s exposes nothing', async (template, expected) => {
    expect(await outcome(template)).toBe(expected);
  });

  it.each([
    ['${{ require("child_process").execSync("id") }}', /Unable to call `require`/],
    ['${{ import("fs") }}', /Unable to call `import`/],
    ['{% import "fs" as fs %}', /template not found: fs/],
    ['{% include "/etc/passwd" %}', /template not found/],
  ])('%s cannot load modules or files', async (template, reason) => {
    expect(await outcome(template)).toMatch(reason);
  });
});

describe('prototype pollution', () => {
  it('cannot define properties on Object.prototype from a template', async () => {
    const template =
      '{% macro m() %}yes{% endmacro %}${{ "".__proto__.__proto__.__defineGetter__("polluted", m) }}';
    expect(await outcome(template)).toMatch(/^TEMPLATING_RENDER: /);
    expect(await templater.renderString('{% set o = {} %}[${{ o.polluted }}]', {})).toBe('[]');
  });

  it('cannot pollute through a filter either: intrinsics are frozen', async () => {
    expect(await templater.renderString('${{ null | pollute }}', {})).toBe('TypeError');
    expect(await templater.renderString('{% set o = {} %}[${{ o.polluted }}]', {})).toBe('[]');
  });

  it('keeps "__proto__" keys as data in contexts and rendered values', async () => {
    const value = JSON.parse('{"__proto__": {"polluted": "${{ 1 }}"}, "b": "${{ __proto__ }}"}');
    const context = JSON.parse('{"__proto__": {"polluted": "yes"}}');
    const rendered = (await templater.renderValue(value, context)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rendered, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(rendered).not.toHaveProperty('b');
  });
});

describe('resource limits', () => {
  it('stops an endless loop at the time limit', async () => {
    const template =
      '{% for i in range(0, 1000000) %}{% for j in range(0, 1000000) %}x{% endfor %}{% endfor %}';
    expect(await outcome(template)).toMatch(
      /^TEMPLATING_TIMEOUT: .*template expression exceeded the time limit of 300 ms/,
    );
  });

  it('refuses a range of 100,000,000 items before allocating it', async () => {
    expect(await outcome('{% for i in range(0, 100000000) %}x{% endfor %}')).toMatch(
      /^TEMPLATING_RENDER: .*the limit is 1000000/,
    );
  });

  it('rejects a 100 MB string build-up with the output size limit', async () => {
    const template =
      '{% set s = "xxxxxxxxxx" %}{% for i in range(0, 24) %}{% set s = s + s %}{% endfor %}${{ s }}';
    expect(await outcome(template)).toMatch(
      /^TEMPLATING_OUTPUT_TOO_LARGE: .*more than the limit of 5242880 bytes/,
    );
  });

  it('applies the size limit to preserved values too', async () => {
    const value = {
      big: '{% set s = "x" %}{% for i in range(0, 23) %}{% set s = s + s %}{% endfor %}${{ s }}',
    };
    await expect(templater.renderValue(value, {})).rejects.toMatchObject({
      code: 'TEMPLATING_OUTPUT_TOO_LARGE',
    });
  });

  it('stops endless macro recursion', async () => {
    expect(await outcome('{% macro f(n) %}${{ f(n + 1) }}{% endmacro %}${{ f(1) }}')).toMatch(
      /^TEMPLATING_RENDER: .*Maximum call stack size exceeded/,
    );
  });

  it('rejects a cyclic context before it reaches the sandbox', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(templater.renderString('${{ self }}', cyclic as never)).rejects.toThrow(/JSON/);
  });

  it('stops a slow item in a batch without failing the quick items before it', async () => {
    const items = [
      ...Array.from({ length: 50 }, (_, n) => ({ template: `\${{ ${n} }}` })),
      {
        template: '{% for i in range(0, 1000000) %}{% for j in range(0, 1000) %}{% endfor %}{% endfor %}',
        name: 'slow',
      },
    ];
    await expect(templater.renderMany(items, {})).rejects.toThrow(/'slow'.*time limit of 300 ms/);
  });
});
