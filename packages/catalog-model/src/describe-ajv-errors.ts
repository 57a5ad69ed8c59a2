import type { ErrorObject } from 'ajv';
import { describeType, describeValue } from './describe-value.js';
import { joinFieldPath } from './field-path.js';
import { isJsonObject } from './is-json-object.js';
import type { ValidationProblem } from './validation-problem.js';

type SchemaLike = Record<string, unknown> | undefined;

/**
 * Turns ajv errors (from a validator compiled with `verbose: true` and `allErrors: true`)
 * into problems whose messages name the field path, e.g. `spec.lifecycle must be a
 * non-empty string` or `spec is missing required field 'owner'`. `data` is the value that
 * was validated and `basePath` its path in the entity (`spec`).
 */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  basePath: string,
): ValidationProblem[] {
  const composites = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    // A composite reports one problem for itself; its branches' errors would only confuse.
    if (composites.some((composite) => error.schemaPath.startsWith(`${composite.schemaPath}/`))) continue;
    const problem = describeError(error, toFieldPath(error.instancePath, data, basePath));
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeError(error: ErrorObject, path: string): ValidationProblem {
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as SchemaLike;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        path: joinFieldPath(path, missing),
        message: `${path || 'entity'} is missing required field '${missing}'`,
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      return { path: joinFieldPath(path, extra), message: `${path} has unknown field '${extra}'` };
    }
    case 'type':
      return {
        path,
        message: `${path} must be ${describeExpectedType(String(params.type), parent)}, found ${describeType(error.data)}`,
      };
    case 'minLength':
      if (params.limit === 1) return { path, message: `${path} must be a non-empty string` };
      return { path, message: `${path} must be at least ${params.limit} characters long` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(quote).join(', ');
      return { path, message: `${path} must be one of ${allowed}, found ${describeValue(error.data)}` };
    }
    case 'const':
      return {
        path,
        message: `${path} must be ${quote(params.allowedValue)}, found ${describeValue(error.data)}`,
      };
    case 'oneOf':
    case 'anyOf':
      return { path, message: describeComposite(error, path, parent) };
    default:
      return { path, message: `${path} ${error.message ?? `fails the '${error.keyword}' rule`}` };
  }
}

function describeExpectedType(types: string, schema: SchemaLike): string {
  const list = types.split(',');
  if (list.length === 1 && list[0] === 'string' && Number(schema?.minLength) >= 1)
    return 'a non-empty string';
  if (list.length === 1 && list[0] === 'array' && isNonEmptyStringSchema(schema?.items)) {
    return 'an array of non-empty strings';
  }
  return list.map(withArticle).join(' or ');
}

function describeComposite(error: ErrorObject, path: string, schema: SchemaLike): string {
  if (error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas) {
    return `${path} matches more than one of the allowed shapes; it must match exactly one`;
  }
  const branches = schema?.[error.keyword];
  const types = Array.isArray(branches)
    ? branches.map((branch) =>
        isJsonObject(branch) && typeof branch.type === 'string' ? branch.type : undefined,
      )
    : [];
  if (types.length > 0 && types.every((type) => type !== undefined)) {
    return `${path} must be ${[...new Set(types)].map(withArticle).join(' or ')}, found ${describeType(error.data)}`;
  }
  return `${path} does not match any of the allowed shapes`;
}

function isNonEmptyStringSchema(schema: unknown): boolean {
  return isJsonObject(schema) && schema.type === 'string' && Number(schema.minLength) >= 1;
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function toFieldPath(pointer: string, data: unknown, basePath: string): string {
  let path = basePath;
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path = joinFieldPath(path, Number(key));
      node = node[Number(key)];
    } else {
      path = joinFieldPath(path, key);
      node = isJsonObject(node) ? node[key] : undefined;
    }
  }
  return path;
}
