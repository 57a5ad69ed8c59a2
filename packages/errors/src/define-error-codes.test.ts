import { describe, expect, it } from 'vitest';
import { AtriumError } from './atrium-error.js';
import { commonErrorCodes } from './common-error-codes.js';
import { defineErrorCodes, describeErrorCodes } from './define-error-codes.js';

describe('defineErrorCodes', () => {
  it('maps each code to itself and keeps its description for tools', () => {
    const codes = defineErrorCodes({
      TODO_LIST_FULL: 'A list reached todo.maxItems; raise the limit or archive items.',
      TODO_UNKNOWN_LIST: 'No list has that id; check the id.',
    });
    expect(codes.TODO_LIST_FULL).toBe('TODO_LIST_FULL');
    expect(Object.values(codes)).toEqual(['TODO_LIST_FULL', 'TODO_UNKNOWN_LIST']);
    expect(describeErrorCodes(codes)).toEqual([
      {
        code: 'TODO_LIST_FULL',
        description: 'A list reached todo.maxItems; raise the limit or archive items.',
      },
      { code: 'TODO_UNKNOWN_LIST', description: 'No list has that id; check the id.' },
    ]);
    expect(Object.isFrozen(codes)).toBe(true);
    // @ts-expect-error a misspelt code is not in the catalog
    expect(codes.TODO_LIST_FUL).toBeUndefined();
  });

  it('refuses codes that are not UPPER_SNAKE_CASE and descriptions that are not one line', () => {
    const failure = (descriptions: Record<string, string>) => {
      try {
        defineErrorCodes(descriptions);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(failure({ 'todo-full': 'x' })).toMatchObject({ code: 'ERROR_CODE_INVALID' });
    expect(failure({ TODO_FULL: '' })).toMatchObject({ code: 'ERROR_CODE_INVALID' });
    expect(failure({ TODO_FULL: 'two\nlines' })).toBeInstanceOf(AtriumError);
  });

  it('documents every common code', () => {
    for (const { code, description } of describeErrorCodes(commonErrorCodes)) {
      expect([code, description.length > 20]).toEqual([code, true]);
    }
  });
});
