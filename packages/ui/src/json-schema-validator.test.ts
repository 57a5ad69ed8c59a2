import type { RJSFSchema } from '@rjsf/utils';
import ajvValidator from '@rjsf/validator-ajv8';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonSchemaValidator } from './json-schema-validator.js';

const schema: RJSFSchema = {
  type: 'object',
  required: ['name', 'owner'],
  properties: {
    name: { title: 'Name', type: 'string', pattern: '^[a-z0-9-]+$', minLength: 2 },
    owner: { title: 'Owner', type: 'string' },
    replicas: { type: 'integer', minimum: 1 },
    repo: {
      type: 'object',
      required: ['host'],
      properties: { host: { type: 'string', enum: ['github.com', 'gitlab.com'] } },
    },
  },
};

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

/** What a Content-Security-Policy without 'unsafe-eval' does to `new Function`. */
function forbidEval() {
  globalThis.Function = function refused() {
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
  } as unknown as FunctionConstructor;
}

describe('json schema validator for rjsf', () => {
  it('puts each error on its field, a missing required value on the missing field', () => {
    const { errors, errorSchema } = createJsonSchemaValidator().validateFormData(
      { name: 'Bad Name!', replicas: 0, repo: { host: 'example.com' } },
      schema,
    );
    expect(errors.map((e) => [e.property, e.name])).toEqual(
      expect.arrayContaining([
        ['.name', 'pattern'],
        ['owner', 'required'],
        ['.replicas', 'minimum'],
        ['.repo.host', 'enum'],
      ]),
    );
    expect(errors).toHaveLength(4);
    expect(errorSchema).toMatchObject({
      name: { __errors: [expect.stringMatching(/pattern/)] },
      owner: { __errors: ["must have required property 'Owner'"] },
      replicas: { __errors: [expect.any(String)] },
      repo: { host: { __errors: [expect.any(String)] } },
    });
    expect(
      createJsonSchemaValidator().validateFormData({ name: 'payments', owner: 'team-a' }, schema).errors,
    ).toEqual([]);
  });

  it('runs custom validation and checks sub-schemas with $refs into the root', () => {
    const validator = createJsonSchemaValidator();
    const { errorSchema } = validator.validateFormData(
      { name: 'ok-name', owner: 'x' },
      schema,
      (data, errors) => {
        if (data?.owner === 'x') errors.owner?.addError('pick a real owner');
        return errors;
      },
    );
    expect(errorSchema).toMatchObject({ owner: { __errors: ['pick a real owner'] } });
    const root: RJSFSchema = {
      definitions: { port: { type: 'integer', maximum: 65535 } },
      oneOf: [{ properties: { port: { $ref: '#/definitions/port' } } }],
    };
    const option = root.oneOf?.[0] as RJSFSchema;
    expect(validator.isValid(option, { port: 8080 }, root)).toBe(true);
    expect(validator.isValid(option, { port: 70000 }, root)).toBe(false);
  });

  it('works where evaluating strings is forbidden, unlike ajv', () => {
    forbidEval();
    const ours = createJsonSchemaValidator().validateFormData({ name: 'x' }, schema);
    expect(ours.errors.map((e) => e.name).sort()).toEqual(['minLength', 'required']);
    const theirs = ajvValidator.validateFormData({ name: 'x' }, { ...schema, title: 'fresh' });
    expect(theirs.errors.map((e) => e.stack).join('\n')).toMatch(/unsafe-eval/);
  });
});
