import { InputError } from '@atrium/errors';

/** One step of a parsed path: a property, an index, or every element (`[*]`). */
type Step = { key: string } | { index: number } | { wildcard: true };

/** A compiled JSONPath (the subset checks use: `$`, `.name`, `['name']`, `[0]`, `[*]`). */
export interface JsonPath {
  readonly source: string;
  /** The values the path selects; an empty list when nothing is there. */
  select(value: unknown): unknown[];
}

const stepPattern =
  /^(?:\.([A-Za-z_$][\w$-]*)|\.\*|\[(\d{1,6})\]|\[\*\]|\['((?:[^'\\]|\\.){1,200})'\]|\["((?:[^"\\]|\\.){1,200})"\])/;

function parseSteps(path: string): Step[] {
  if (!path.startsWith('$')) throw badPath(path, 'it must start with "$"');
  const steps: Step[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = stepPattern.exec(rest);
    if (!match) throw badPath(path, `cannot read "${rest.slice(0, 20)}"`);
    const [whole, name, index, single, double] = match;
    if (name !== undefined) steps.push({ key: name });
    else if (index !== undefined) steps.push({ index: Number(index) });
    else if (single !== undefined || double !== undefined)
      steps.push({ key: (single ?? double ?? '').replace(/\\(.)/g, '$1') });
    else steps.push({ wildcard: true });
    rest = rest.slice(whole.length);
  }
  return steps;
}

function badPath(path: string, reason: string): InputError {
  return new InputError(`invalid JSONPath '${path}': ${reason}`, { details: { path } });
}

function applyStep(values: unknown[], step: Step): unknown[] {
  const next: unknown[] = [];
  for (const value of values) {
    if (value === null || typeof value !== 'object') continue;
    if ('wildcard' in step) next.push(...(Array.isArray(value) ? value : Object.values(value)));
    else if ('index' in step) {
      if (Array.isArray(value) && step.index < value.length) next.push(value[step.index]);
    } else if (!Array.isArray(value) && Object.hasOwn(value, step.key)) {
      next.push((value as Record<string, unknown>)[step.key]);
    }
  }
  return next;
}

/**
 * Compiles a JSONPath; throws InputError naming the path and the reason when it is not one.
 *
 * @example
 * compileJsonPath('$.metadata.tags[*]').select(entity); // ['java', 'tier-1']
 */
export function compileJsonPath(path: string): JsonPath {
  if (path.length > 500) throw badPath(path.slice(0, 50), 'it is longer than 500 characters');
  const steps = parseSteps(path);
  return {
    source: path,
    select: (value) => steps.reduce<unknown[]>((values, step) => applyStep(values, step), [value]),
  };
}
