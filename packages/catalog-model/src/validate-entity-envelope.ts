import { describeType, describeValue } from './describe-value.js';
import { joinFieldPath } from './field-path.js';
import { isJsonObject } from './is-json-object.js';
import type { ValidationProblem } from './validation-problem.js';

/** Options of {@link validateEntityEnvelope}. */
export type EnvelopeValidationOptions = {
  /**
   * Accept the output-only root fields `relations` and `status`, as found on stored and
   * served entities. Off for ingestion, where only apiVersion/kind/metadata/spec may appear.
   */
  allowOutputFields?: boolean;
};

const INPUT_ROOT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const OUTPUT_ROOT_FIELDS = ['relations', 'status'];
const RELATION_TYPE = /^\w+$/;
const STATUS_LEVELS = ['info', 'warning', 'error'];

/**
 * Checks the shape of the entity envelope: an object with string `apiVersion` and `kind`,
 * an object `metadata`, an object `spec` when present, and no unknown root field.
 * Field formats and kind schemas are checked elsewhere; this never throws.
 *
 * @example
 * validateEntityEnvelope({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, extra: 1 });
 * // => [{ path: 'extra', message: "unknown root field 'extra'; an entity may only have apiVersion, kind, metadata and spec" }]
 */
export function validateEntityEnvelope(
  value: unknown,
  options: EnvelopeValidationOptions = {},
): ValidationProblem[] {
  if (!isJsonObject(value)) {
    return [{ path: '', message: `an entity must be an object, found ${describeType(value)}` }];
  }
  const problems: ValidationProblem[] = [];
  const allowed = options.allowOutputFields
    ? [...INPUT_ROOT_FIELDS, ...OUTPUT_ROOT_FIELDS]
    : INPUT_ROOT_FIELDS;
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const message = OUTPUT_ROOT_FIELDS.includes(key)
      ? `root field '${key}' is output-only and may not be given on input; the catalog fills it in`
      : `unknown root field '${key}'; an entity may only have ${listFields(allowed)}`;
    problems.push({ path: key, message });
  }
  checkString(problems, value, 'apiVersion', '', true);
  checkString(problems, value, 'kind', '', true);
  if (value.metadata === undefined) {
    problems.push({ path: 'metadata', message: "entity is missing required field 'metadata'" });
  } else if (!isJsonObject(value.metadata)) {
    problems.push({
      path: 'metadata',
      message: `metadata must be an object, found ${describeType(value.metadata)}`,
    });
  }
  if (value.spec !== undefined && !isJsonObject(value.spec)) {
    problems.push({ path: 'spec', message: `spec must be an object, found ${describeType(value.spec)}` });
  }
  if (options.allowOutputFields) {
    checkRelations(problems, value.relations);
    checkStatus(problems, value.status);
  }
  return problems;
}

function listFields(fields: string[]): string {
  return `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
}

function checkString(
  problems: ValidationProblem[],
  parent: Record<string, unknown>,
  key: string,
  parentPath: string,
  nonEmpty: boolean,
): void {
  const path = joinFieldPath(parentPath, key);
  const value = parent[key];
  if (value === undefined) {
    problems.push({ path, message: `${parentPath || 'entity'} is missing required field '${key}'` });
  } else if (typeof value !== 'string' || (nonEmpty && value.length === 0)) {
    const expected = nonEmpty ? 'a non-empty string' : 'a string';
    problems.push({ path, message: `${path} must be ${expected}, found ${describeValue(value)}` });
  }
}

function checkRelations(problems: ValidationProblem[], relations: unknown): void {
  if (relations === undefined) return;
  if (!Array.isArray(relations)) {
    problems.push({
      path: 'relations',
      message: `relations must be an array, found ${describeType(relations)}`,
    });
    return;
  }
  relations.forEach((relation: unknown, index) => {
    const path = joinFieldPath('relations', index);
    if (!isJsonObject(relation)) {
      problems.push({ path, message: `${path} must be an object, found ${describeType(relation)}` });
      return;
    }
    checkString(problems, relation, 'type', path, true);
    checkString(problems, relation, 'targetRef', path, true);
    if (typeof relation.type === 'string' && relation.type && !RELATION_TYPE.test(relation.type)) {
      problems.push({
        path: `${path}.type`,
        message: `${path}.type ${describeValue(relation.type)} is not valid; expected letters, digits and '_' only, e.g. "ownedBy"`,
      });
    }
  });
}

function checkStatus(problems: ValidationProblem[], status: unknown): void {
  if (status === undefined) return;
  if (!isJsonObject(status)) {
    problems.push({ path: 'status', message: `status must be an object, found ${describeType(status)}` });
    return;
  }
  if (status.items === undefined) return;
  if (!Array.isArray(status.items)) {
    problems.push({
      path: 'status.items',
      message: `status.items must be an array, found ${describeType(status.items)}`,
    });
    return;
  }
  status.items.forEach((item: unknown, index) => {
    const path = joinFieldPath('status.items', index);
    if (!isJsonObject(item)) {
      problems.push({ path, message: `${path} must be an object, found ${describeType(item)}` });
      return;
    }
    checkString(problems, item, 'type', path, true);
    checkString(problems, item, 'message', path, false);
    if (!STATUS_LEVELS.includes(item.level as string)) {
      problems.push({
        path: `${path}.level`,
        message: `${path}.level must be one of 'info', 'warning', 'error', found ${describeValue(item.level)}`,
      });
    }
  });
}
