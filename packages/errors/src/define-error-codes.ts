import { AtriumError } from './atrium-error.js';
import type { CommonErrorCode } from './common-error-codes.js';

/** A package's error codes, each mapped to itself: `codes.NOT_FOUND === 'NOT_FOUND'`. */
export type ErrorCodes<TCode extends string = string> = { readonly [K in TCode]: K };

/** One declared code and its one-line description (when it is thrown, what to do). */
export interface ErrorCodeDescription {
  code: string;
  description: string;
}

const descriptionsKey = Symbol('descriptions');
const codePattern = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
// Typed rather than imported: common-error-codes.ts is itself made with defineErrorCodes.
const invalidCode: CommonErrorCode = 'ERROR_CODE_INVALID';

/**
 * Declares the error codes a package throws, in one place, one line each: when the code
 * is thrown and what to do. Throw sites use the returned constants, so a misspelt code
 * fails type-checking; `keyof typeof codes` is the package's code union.
 *
 * @example
 * export const todoErrorCodes = defineErrorCodes({
 *   TODO_LIST_FULL: 'A list reached todo.maxItems; raise the limit or archive items.',
 * });
 * throw new AtriumError(todoErrorCodes.TODO_LIST_FULL, `list 'home' has 100 items`);
 */
export function defineErrorCodes<const T extends Record<string, string>>(
  descriptions: T,
): ErrorCodes<keyof T & string> {
  const codes: Record<string, string> = {};
  for (const [code, description] of Object.entries(descriptions)) {
    if (!codePattern.test(code) || description.trim() === '' || description.includes('\n')) {
      throw new AtriumError(
        invalidCode,
        `error code '${code}' is not valid; a code is UPPER_SNAKE_CASE and its description one non-empty line`,
        { details: { code } },
      );
    }
    codes[code] = code;
  }
  Object.defineProperty(codes, descriptionsKey, { value: { ...descriptions } });
  return Object.freeze(codes) as ErrorCodes<keyof T & string>;
}

/** The codes of a catalog made with {@link defineErrorCodes}, with their descriptions, for docs and tools. */
export function describeErrorCodes(codes: ErrorCodes): ErrorCodeDescription[] {
  const descriptions = (codes as { [descriptionsKey]?: Record<string, string> })[descriptionsKey] ?? {};
  return Object.keys(codes).map((code) => ({ code, description: descriptions[code] ?? '' }));
}
