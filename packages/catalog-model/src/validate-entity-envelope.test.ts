import { describe, expect, it } from 'vitest';
import { validateEntityEnvelope } from './validate-entity-envelope.js';

const valid = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: {} };

describe('validateEntityEnvelope', () => {
  it('accepts a well-formed envelope', () => {
    expect(validateEntityEnvelope(valid)).toEqual([]);
    const { spec: _spec, ...withoutSpec } = valid;
    expect(validateEntityEnvelope(withoutSpec)).toEqual([]);
  });

  it.each([null, [], 'entity', 42])('rejects a non-object %j', (value) => {
    expect(validateEntityEnvelope(value)).toEqual([
      { path: '', message: expect.stringMatching(/^an entity must be an object, found /) },
    ]);
  });

  it('names an unknown root field', () => {
    expect(validateEntityEnvelope({ ...valid, extra: 1 })).toEqual([
      {
        path: 'extra',
        message: "unknown root field 'extra'; an entity may only have apiVersion, kind, metadata and spec",
      },
    ]);
  });

  it('rejects output-only fields on input and accepts them for stored entities', () => {
    const stored = {
      ...valid,
      relations: [{ type: 'ownedBy', targetRef: 'group:default/a' }],
      status: { items: [] },
    };
    expect(validateEntityEnvelope(stored).map((problem) => problem.path)).toEqual(['relations', 'status']);
    expect(validateEntityEnvelope(stored)[0]?.message).toBe(
      "root field 'relations' is output-only and may not be given on input; the catalog fills it in",
    );
    expect(validateEntityEnvelope(stored, { allowOutputFields: true })).toEqual([]);
    expect(validateEntityEnvelope({ ...valid, other: 1 }, { allowOutputFields: true })[0]?.message).toBe(
      "unknown root field 'other'; an entity may only have apiVersion, kind, metadata, spec, relations and status",
    );
  });

  it('requires apiVersion, kind and metadata', () => {
    expect(validateEntityEnvelope({})).toEqual([
      { path: 'apiVersion', message: "entity is missing required field 'apiVersion'" },
      { path: 'kind', message: "entity is missing required field 'kind'" },
      { path: 'metadata', message: "entity is missing required field 'metadata'" },
    ]);
  });

  it('checks the types of the root fields', () => {
    const problems = validateEntityEnvelope({ apiVersion: 1, kind: '', metadata: 'x', spec: [] });
    expect(problems).toEqual([
      { path: 'apiVersion', message: 'apiVersion must be a non-empty string, found number' },
      { path: 'kind', message: 'kind must be a non-empty string, found ""' },
      { path: 'metadata', message: 'metadata must be an object, found string' },
      { path: 'spec', message: 'spec must be an object, found array' },
    ]);
    expect(validateEntityEnvelope({ ...valid, spec: null })).toEqual([
      { path: 'spec', message: 'spec must be an object, found null' },
    ]);
  });

  it('checks relations of stored entities', () => {
    const problems = validateEntityEnvelope(
      { ...valid, relations: [{ type: 'owned by', targetRef: 'x' }, { type: 'ownedBy' }, 'x'] },
      { allowOutputFields: true },
    );
    expect(problems).toEqual([
      {
        path: 'relations[0].type',
        message: `relations[0].type "owned by" is not valid; expected letters, digits and '_' only, e.g. "ownedBy"`,
      },
      { path: 'relations[1].targetRef', message: "relations[1] is missing required field 'targetRef'" },
      { path: 'relations[2]', message: 'relations[2] must be an object, found string' },
    ]);
    expect(validateEntityEnvelope({ ...valid, relations: {} }, { allowOutputFields: true })).toEqual([
      { path: 'relations', message: 'relations must be an array, found object' },
    ]);
  });

  it('checks the status of stored entities', () => {
    const item = { type: 'backstage.io/catalog-processing', level: 'error', message: 'Boom' };
    expect(
      validateEntityEnvelope({ ...valid, status: { items: [item] } }, { allowOutputFields: true }),
    ).toEqual([]);
    const problems = validateEntityEnvelope(
      {
        ...valid,
        status: {
          items: [
            { ...item, level: 'fatal' },
            { level: 'info', message: 1 },
          ],
        },
      },
      { allowOutputFields: true },
    );
    expect(problems).toEqual([
      {
        path: 'status.items[0].level',
        message: `status.items[0].level must be one of 'info', 'warning', 'error', found "fatal"`,
      },
      { path: 'status.items[1].type', message: "status.items[1] is missing required field 'type'" },
      { path: 'status.items[1].message', message: 'status.items[1].message must be a string, found number' },
    ]);
    expect(validateEntityEnvelope({ ...valid, status: [] }, { allowOutputFields: true })[0]?.message).toBe(
      'status must be an object, found array',
    );
  });
});
