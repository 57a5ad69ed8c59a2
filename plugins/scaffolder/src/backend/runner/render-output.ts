import type { Templater } from '@atrium/templating';
import type { JsonObject, JsonValue } from '../../common/index.js';
import { isTruthy } from './step-render.js';

const hasIf = (item: JsonValue | undefined): boolean =>
  item !== null && typeof item === 'object' && !Array.isArray(item) && 'if' in item;

// An `if` that rendered to nothing is gone from the rendered item, so the template's
// item says whether there was a condition.
function keepShown(templates: JsonValue | undefined, items: JsonValue | undefined): JsonValue | undefined {
  if (!Array.isArray(items)) return items;
  return items.flatMap((item, index): JsonValue[] => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [item];
    if (!hasIf(Array.isArray(templates) ? templates[index] : undefined) && !('if' in item)) return [item];
    const { if: condition, ...rest } = item;
    return isTruthy(condition ?? false) ? [rest] : [];
  });
}

/**
 * Renders the template's `output` after the steps (no secrets in its context). As in
 * Backstage a failing expression keeps its text; link and text items whose `if` is
 * falsy are dropped.
 */
export async function renderOutput(
  templater: Templater,
  output: JsonObject,
  context: JsonObject,
): Promise<JsonObject> {
  const rendered = ((await templater.renderValue(output, context, { strict: false })) ?? {}) as JsonObject;
  const result: JsonObject = { ...rendered };
  for (const key of ['links', 'text'] as const) {
    const kept = keepShown(output[key], rendered[key]);
    if (kept !== undefined) result[key] = kept;
  }
  return result;
}
