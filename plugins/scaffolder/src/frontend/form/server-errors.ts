import type { JsonObject } from '../../common/index.js';
import type { ReceivedValidationError } from '../api/scaffolder-api.js';

/** rjsf's error tree: `{ name: { __errors: ['is required'] } }`. */
export type ErrorTree = { __errors?: string[]; [key: string]: ErrorTree | string[] | undefined };

/** Field path of a validation error; `required` errors name the missing property in `argument`. */
function errorPath(error: ReceivedValidationError): string[] {
  let path = (error.path ?? []).map(String);
  if (path.length === 0 && error.property) {
    path = error.property
      .replace(/^instance\.?/, '')
      .split('.')
      .filter(Boolean);
  }
  if (error.name === 'required' && typeof error.argument === 'string') path = [...path, error.argument];
  return path;
}

/**
 * Turns a 400 `{ errors }` answer into rjsf error trees, one per form page, so each
 * message appears under its field; errors that match no page are returned apart.
 *
 * @example
 * serverErrorTrees([{ path: ['name'], message: 'must match pattern' }], [{ properties: { name: {} } }]);
 * // { pages: { 0: { name: { __errors: ['must match pattern'] } } }, unplaced: [] }
 */
export function serverErrorTrees(
  errors: readonly ReceivedValidationError[],
  pageSchemas: readonly JsonObject[],
): { pages: Record<number, ErrorTree>; unplaced: string[] } {
  const pages: Record<number, ErrorTree> = {};
  const unplaced: string[] = [];
  for (const error of errors) {
    const path = errorPath(error);
    const top = path[0];
    const pageIndex = pageSchemas.findIndex((schema) => {
      const properties = schema.properties;
      return top !== undefined && typeof properties === 'object' && properties !== null && top in properties;
    });
    if (pageIndex === -1) {
      unplaced.push(path.length > 0 ? `${path.join('.')}: ${error.message}` : error.message);
      continue;
    }
    const root: ErrorTree = pages[pageIndex] ?? {};
    pages[pageIndex] = root;
    let node = root;
    for (const segment of path) {
      const child = (node[segment] as ErrorTree | undefined) ?? {};
      node[segment] = child;
      node = child;
    }
    node.__errors = [...(node.__errors ?? []), error.message];
  }
  return { pages, unplaced };
}
