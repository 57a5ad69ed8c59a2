import { AtriumError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import { defineKind } from './define-kind.js';

describe('defineKind', () => {
  it('returns a frozen copy of a valid definition', () => {
    const apiVersions = ['example.com/v1'];
    const kind = defineKind({ kind: 'Widget', apiVersions, schema: { type: 'object' } });
    expect(kind).toEqual({ kind: 'Widget', apiVersions: ['example.com/v1'], schema: { type: 'object' } });
    expect(Object.isFrozen(kind)).toBe(true);
    apiVersions.push('example.com/v2');
    expect(kind.apiVersions).toEqual(['example.com/v1']);
  });

  it('rejects a malformed kind name', () => {
    expect(() => defineKind({ kind: 'my-widget', apiVersions: ['v1'], schema: {} })).toThrow(
      "kind 'my-widget' is not a valid kind name; use 1-63 letters and digits starting with a letter, e.g. 'Widget'",
    );
  });

  it('rejects missing or malformed apiVersions', () => {
    expect(() => defineKind({ kind: 'Widget', apiVersions: [], schema: {} })).toThrow(
      "kind 'Widget' lists no apiVersions; give at least one",
    );
    try {
      defineKind({ kind: 'Widget', apiVersions: ['Example.com/v1'], schema: {} });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AtriumError);
      expect((error as AtriumError).code).toBe('CATALOG_MODEL_INVALID_KIND');
      expect((error as AtriumError).details).toEqual({ kind: 'Widget', apiVersion: 'Example.com/v1' });
    }
  });
});
