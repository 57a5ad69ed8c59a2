import { describe, expect, it } from 'vitest';
import { createSchemaCompiler } from './create-schema-compiler.js';
import type { JsonSchema } from './define-kind.js';
import { describeAjvErrors } from './describe-ajv-errors.js';

function problemsFor(schema: JsonSchema, data: unknown) {
  const validate = createSchemaCompiler().compile(schema, 'test');
  validate(data);
  return describeAjvErrors(validate.errors ?? [], data, 'spec');
}

describe('describeAjvErrors', () => {
  it('names unknown fields', () => {
    expect(
      problemsFor({ type: 'object', additionalProperties: false, properties: {} }, { extra: 1 }),
    ).toEqual([{ path: 'spec.extra', message: "spec has unknown field 'extra'" }]);
  });

  it('describes const and generic keywords with the path', () => {
    expect(problemsFor({ properties: { mode: { const: 'on' } } }, { mode: 'off' })).toEqual([
      { path: 'spec.mode', message: `spec.mode must be 'on', found "off"` },
    ]);
    expect(problemsFor({ properties: { id: { pattern: '^[a-z]+$' } } }, { id: 'A1' })).toEqual([
      { path: 'spec.id', message: 'spec.id must match pattern "^[a-z]+$"' },
    ]);
    expect(problemsFor({ properties: { list: { minItems: 2 } } }, { list: [1] })).toEqual([
      { path: 'spec.list', message: 'spec.list must NOT have fewer than 2 items' },
    ]);
    expect(problemsFor({ properties: { name: { type: 'string', minLength: 3 } } }, { name: 'ab' })).toEqual([
      { path: 'spec.name', message: 'spec.name must be at least 3 characters long' },
    ]);
  });

  it('reports one problem for a failed oneOf or anyOf, not one per branch', () => {
    const schema = { properties: { value: { oneOf: [{ type: 'string' }, { type: 'array' }] } } };
    expect(problemsFor(schema, { value: 3 })).toEqual([
      { path: 'spec.value', message: 'spec.value must be a string or an array, found number' },
    ]);
    const shapes = { properties: { value: { anyOf: [{ required: ['a'] }, { required: ['b'] }] } } };
    expect(problemsFor(shapes, { value: {} })).toEqual([
      { path: 'spec.value', message: 'spec.value does not match any of the allowed shapes' },
    ]);
    const overlapping = { properties: { value: { oneOf: [{ type: 'string' }, { minLength: 1 }] } } };
    expect(problemsFor(overlapping, { value: 'x' })).toEqual([
      {
        path: 'spec.value',
        message: 'spec.value matches more than one of the allowed shapes; it must match exactly one',
      },
    ]);
  });

  it('writes array indexes in brackets and object keys with dots, even numeric ones', () => {
    const schema = {
      properties: {
        ports: { additionalProperties: { type: 'integer' } },
        hosts: { items: { type: 'string' } },
        'a/b~c': { type: 'string' },
      },
    };
    expect(problemsFor(schema, { ports: { '8080': 'x' }, hosts: ['a', 2], 'a/b~c': 1 })).toEqual([
      { path: 'spec.ports.8080', message: 'spec.ports.8080 must be an integer, found string' },
      { path: 'spec.hosts[1]', message: 'spec.hosts[1] must be a string, found number' },
      { path: 'spec.a/b~c', message: 'spec.a/b~c must be a string, found number' },
    ]);
  });

  it('names the entity itself when the root is missing a field', () => {
    const validate = createSchemaCompiler().compile({ required: ['spec'] }, 'test');
    validate({});
    expect(describeAjvErrors(validate.errors ?? [], {}, '')).toEqual([
      { path: 'spec', message: "entity is missing required field 'spec'" },
    ]);
  });
});
