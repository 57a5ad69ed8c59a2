// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is the template syntax under test.
import { InputError, isAtriumError } from '@atrium/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { createTemplater, TemplateExpressionError, type TemplaterOptions } from './index.js';

const templater = createTemplater();
afterAll(() => templater.close());

async function withTemplater<T>(
  options: TemplaterOptions,
  use: (t: typeof templater) => Promise<T>,
): Promise<T> {
  const scoped = createTemplater(options);
  try {
    return await use(scoped);
  } finally {
    await scoped.close();
  }
}

const context = {
  parameters: { name: 'svc', count: 3, enabled: true, obj: { a: [1, 'x'] }, list: ['a', 'b'], empty: '' },
  steps: { 'my-step': { output: { x: 'out', nested: { n: 1 } } } },
};

describe('renderValue type preservation', () => {
  it.each([
    ['${{ parameters.count }}', 3],
    ['${{ parameters.obj }}', { a: [1, 'x'] }],
    ['${{ parameters.list }}', ['a', 'b']],
    ['${{ parameters.enabled }}', true],
    ['${{ false }}', false],
    ['${{ null }}', null],
    ['${{ "42" }}', '42'],
    ['${{- parameters.count -}}', 3],
    ['x-${{ parameters.name }}', 'x-svc'],
    ['${{ parameters.count }} items', '3 items'],
    ['${{ parameters.count }}${{ parameters.count }}', 33],
    ['{% if parameters.enabled %}true{% else %}false{% endif %}', true],
    ['{% if parameters.enabled %}yes{% endif %}', 'yes'],
    ['false', 'false'],
    ['42', '42'],
    ['plain text', 'plain text'],
    ["${{ steps['my-step'].output.x }}", 'out'],
    ['${{ steps["my-step"].output.nested }}', { n: 1 }],
  ])('%s renders to %j', async (template, expected) => {
    expect(await templater.renderValue(template, context)).toEqual(expected);
  });

  it('turns empty output into undefined and drops such keys from objects', async () => {
    const rendered = await templater.renderValue(
      { a: '${{ parameters.missing }}', b: 'x{{ parameters.empty }}', c: '', d: 'kept', e: 1, f: null },
      context,
    );
    expect(rendered).toEqual({ b: 'x{{ parameters.empty }}', d: 'kept', e: 1, f: null });
    expect(rendered).not.toHaveProperty('a');
    expect(await templater.renderValue('${{ parameters.missing }}', context)).toBeUndefined();
    expect(await templater.renderValue('{% if false %}x{% endif %}', context)).toBeUndefined();
  });

  it('keeps an expression whose value is the empty string as "" (its JSON is not empty)', async () => {
    expect(await templater.renderValue({ b: '${{ parameters.empty }}' }, context)).toEqual({ b: '' });
  });

  it('renders deeply inside objects and arrays without rendering keys', async () => {
    const rendered = await templater.renderValue(
      {
        '${{ key }}': [{ deep: ['${{ parameters.count + 1 }}', 'n-${{ parameters.name }}'] }],
        n: 7,
        b: false,
      },
      context,
    );
    expect(rendered).toEqual({ '${{ key }}': [{ deep: [4, 'n-svc'] }], n: 7, b: false });
  });

  it('keeps a string whose expression fails, as Backstage does', async () => {
    const value = {
      a: '${{ parameters.name | nope }}',
      b: '${{ parameters.name + }}',
      c: '${{ parameters.name }}',
    };
    expect(await templater.renderValue(value, context)).toEqual({ ...value, c: 'svc' });
  });

  it('throws in strict mode, naming the field, the template and the reason', async () => {
    const failure = templater.renderValue({ input: { a: '${{ parameters.name | nope }}' } }, context, {
      strict: true,
    });
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toMatchObject({
      code: 'TEMPLATING_RENDER',
      message: expect.stringMatching(/'input\.a'.*parameters\.name \| nope.*filter not found: nope/),
    });
    await expect(
      withTemplater({ strict: true }, (t) => t.renderValue({ b: '${{ parameters.name + }}' }, context)),
    ).rejects.toMatchObject({
      code: 'TEMPLATING_SYNTAX',
      name: 'InputError',
      message: expect.stringContaining("'b'"),
    });
  });
});

describe('renderString', () => {
  it('renders {% if %} and {% for %} blocks with loop variables', async () => {
    const template =
      '{% for item in parameters.list %}${{ loop.index }}:${{ item }}{% if not loop.last %},{% endif %}{% endfor %}';
    expect(await templater.renderString(template, context)).toBe('1:a,2:b');
    expect(
      await templater.renderString('{% if parameters.enabled %}on{% else %}off{% endif %}', context),
    ).toBe('on');
  });

  it('supports the standard Nunjucks filters with autoescape off', async () => {
    const template = [
      '${{ parameters.obj | dump }}',
      '${{ "A B" | lower }}${{ "x" | upper }}',
      '${{ "a-b" | replace("-", "_") }}',
      '${{ parameters.list | join("/") }}${{ parameters.list | length }}',
      '${{ parameters.missing | default("dflt") }}',
      '${{ "  t  " | trim }}${{ parameters.list | first }}${{ parameters.list | last }}',
      '${{ "<b>&" }}',
    ].join('|');
    expect(await templater.renderString(template, context)).toBe('{"a":[1,"x"]}|a bX|a_b|a/b2|dflt|tab|<b>&');
  });

  it('supports macros, {% call %} blocks, {% set %} and cycler()', async () => {
    const template =
      '{% macro box(title) %}[${{ title }}:${{ caller() }}]{% endmacro %}{% call box("t") %}body{% endcall %}' +
      '{% set c = cycler("x", "y") %}${{ c.next() }}${{ c.next() }}{% set n = parameters.count * 2 %}${{ n }}';
    expect(await templater.renderString(template, context)).toBe('[t:body]xy6');
  });

  it('rejects unknown filters and syntax errors with an InputError', async () => {
    await expect(templater.renderString('${{ x | nope }}', {})).rejects.toBeInstanceOf(
      TemplateExpressionError,
    );
    await expect(templater.renderString('{% if %}', {})).rejects.toMatchObject({ code: 'TEMPLATING_SYNTAX' });
  });

  it('treats {{ }} as text unless cookiecutterCompat is on', async () => {
    expect(await templater.renderString('{{ cookiecutter.name }}', { cookiecutter: { name: 'x' } })).toBe(
      '{{ cookiecutter.name }}',
    );
  });
});

describe('options', () => {
  it('cookiecutterCompat uses {{ }} delimiters and adds jsonify', async () => {
    const rendered = await withTemplater({ cookiecutterCompat: true }, (t) =>
      t.renderString('{{ cookiecutter.name }} {{ cookiecutter.tags | jsonify }} {% if True %}t{% endif %}', {
        cookiecutter: { name: 'svc', tags: ['a'] },
      }),
    );
    expect(rendered).toBe('svc ["a"] t');
  });

  it('trimBlocks and lstripBlocks remove block whitespace', async () => {
    const template = 'a\n  {% if true %}\n  b\n  {% endif %}\nc';
    expect(await templater.renderString(template, {})).toBe('a\n  \n  b\n  \nc');
    expect(await withTemplater({ trimBlocks: true }, (t) => t.renderString(template, {}))).toBe(
      'a\n    b\n  c',
    );
    expect(
      await withTemplater({ trimBlocks: true, lstripBlocks: true }, (t) => t.renderString(template, {})),
    ).toBe('a\n  b\nc');
  });

  it('evaluates additionalFilters and globals from source inside the sandbox', async () => {
    const rendered = await withTemplater(
      {
        additionalFilters: { shout: '(value) => String(value).toUpperCase() + "!"' },
        globals: { greeting: '"hello"', twice: '(n) => n * 2' },
      },
      (t) => t.renderValue({ a: '${{ "hi" | shout }}', b: '${{ greeting }}', c: '${{ twice(21) }}' }, {}),
    );
    expect(rendered).toEqual({ a: 'HI!', b: 'hello', c: 42 });
  });

  it('reports an extension whose source does not evaluate', async () => {
    const failure = withTemplater({ additionalFilters: { broken: '(value) =>' } }, (t) =>
      t.renderString('${{ 1 }}', {}),
    );
    await expect(failure).rejects.toMatchObject({ code: 'TEMPLATING_INVALID_EXTENSION' });
    await expect(failure).rejects.toThrow(/filter "broken"/);
  });

  it('rejects limits that are not positive numbers', () => {
    expect(() => createTemplater({ timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe('step status globals', () => {
  it('always() is true and failure() follows the failed option', async () => {
    const value = ['${{ always() }}', '${{ failure() }}'];
    expect(await templater.renderValue(value, {})).toEqual([true, false]);
    expect(await templater.renderValue(value, {}, { failed: true })).toEqual([true, true]);
  });

  it('callsStatusFunctions finds always()/failure() calls anywhere in the expression', async () => {
    expect(await templater.callsStatusFunctions('${{ failure() and parameters.x }}')).toBe(true);
    expect(await templater.callsStatusFunctions('{% if always() %}x{% endif %}')).toBe(true);
    expect(await templater.callsStatusFunctions('${{ parameters.failure }}')).toBe(false);
    expect(await templater.callsStatusFunctions('failure()')).toBe(false);
  });
});

describe('renderMany', () => {
  it('renders 1,000 files in one round trip, in order', async () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({
      name: `file-${index}.md`,
      template: `# \${{ values.name }} ${index}\n{% for tag in values.tags %}- \${{ tag | upper }}\n{% endfor %}`,
    }));
    const rendered = await templater.renderMany(items, { values: { name: 'svc', tags: ['a', 'b'] } });
    expect(rendered).toHaveLength(1000);
    expect(rendered[0]).toBe('# svc 0\n- A\n- B\n');
    expect(rendered[999]).toBe('# svc 999\n- A\n- B\n');
  });

  it('names the failing item', async () => {
    const items = [{ template: 'ok' }, { template: '${{ x | nope }}', name: 'src/index.ts' }];
    await expect(templater.renderMany(items, {})).rejects.toThrow(/'src\/index\.ts'.*filter not found: nope/);
  });
});

describe('lifecycle', () => {
  it('rejects calls after close() with TEMPLATING_CLOSED', async () => {
    const closed = createTemplater();
    await closed.close();
    const failure = closed.renderString('${{ 1 }}', {});
    await expect(failure).rejects.toMatchObject({ code: 'TEMPLATING_CLOSED' });
    expect(isAtriumError(await failure.catch((error: unknown) => error))).toBe(true);
  });

  it('rejects a context that is not JSON', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(templater.renderString('${{ self }}', cyclic as never)).rejects.toBeInstanceOf(InputError);
  });

  it('serves concurrent calls', async () => {
    const calls = Array.from({ length: 20 }, (_, n) => templater.renderValue(`\${{ ${n} * 2 }}`, {}));
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 20 }, (_, n) => n * 2));
  });
});
