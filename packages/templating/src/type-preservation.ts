import type { JsonValue, RenderedValue } from './json-value.js';
import type { SandboxItemResult } from './sandbox-settings.js';

/** A string found inside a value, with the path used to name it in errors. */
export interface StringLeaf {
  path: string;
  template: string;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Every string inside `value`, depth first (the order `replaceStrings` expects). */
export function collectStrings(value: JsonValue, path = ''): StringLeaf[] {
  if (typeof value === 'string') return [{ path, template: value }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => collectStrings(item, childPath(path, index)));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => collectStrings(item, childPath(path, key)));
  }
  return [];
}

/**
 * Rebuilds `value` with its strings replaced, in `collectStrings` order. Object keys whose
 * replacement is `undefined` are left out (Backstage drops them); array slots keep it.
 */
export function replaceStrings(value: JsonValue, replacements: RenderedValue[]): RenderedValue {
  let next = 0;
  const walk = (node: JsonValue): RenderedValue => {
    if (typeof node === 'string') return replacements[next++];
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      const entries: [string, RenderedValue][] = [];
      for (const [key, item] of Object.entries(node)) {
        const rendered = walk(item);
        if (rendered !== undefined) entries.push([key, rendered]);
      }
      // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
      return Object.fromEntries(entries);
    }
    return node;
  };
  return walk(value);
}

/**
 * Applies Backstage's type preservation to one successful sandbox result: a template that is
 * exactly one `${{ expr }}` yields the expression's JSON value; a template made only of
 * tags and expressions (no literal text) whose output is JSON text yields that value;
 * anything else yields the text. Empty output becomes `undefined`.
 */
export function preservedValue(result: Exclude<SandboxItemResult, { t: 'error' }>): RenderedValue {
  if (result.t === 'value')
    return result.json === undefined ? undefined : (JSON.parse(result.json) as JsonValue);
  if (result.text === '') return undefined;
  if (result.coercible) {
    try {
      return JSON.parse(result.text) as JsonValue;
    } catch {
      return result.text;
    }
  }
  return result.text;
}
