import { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];
type JsonSchema = {
  visibility?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const typeNames: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'a list',
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
};
const MAX_SHOWN = 60;

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

// Whether the schema marks the value at `path`, or anything above it, as a secret.
function isSecretAt(schema: JsonSchema | undefined, path: Path): boolean {
  if (!schema) return false;
  if (schema.visibility === 'secret') return true;
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.some((branch) => isSecretAt(branch, path))) return true;
  const [head, ...rest] = path;
  if (head === undefined) return false;
  const child =
    typeof head === 'number'
      ? schema.items
      : (schema.properties?.[String(head)] ??
        (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined));
  return isSecretAt(child, rest);
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length <= MAX_SHOWN ? text : `a ${typeof value} of ${String(value).length} characters`;
}

function hiddenType(value: unknown): string {
  if (value === null || typeof value === 'object') return shown(value);
  return `a ${typeof value} (not shown: the value is secret)`;
}

function bound(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const word = issue.code === 'too_small' ? 'least' : 'most';
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') return `expected at ${word} ${limit} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') return `expected at ${word} ${limit} items`;
  const sign = issue.code === 'too_small' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return `expected a number ${sign} ${limit}`;
}

// A union names the branch that fits the value's type; when none does, every type it accepts.
function unionIssues(issue: Issue & { code: 'invalid_union' }): { path: Path; issue: Issue }[] {
  const misfit = (branch: readonly Issue[]) =>
    branch.some((i) => i.code === 'invalid_type' && i.path.length === 0);
  const fitting = issue.errors.find((branch) => branch.length > 0 && !misfit(branch));
  if (fitting) return fitting.flatMap((inner) => flatten(inner, issue.path));
  const expected = [
    ...new Set(
      issue.errors.flatMap((branch) =>
        branch.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : [])),
      ),
    ),
  ];
  if (expected.length === 0) return [{ path: issue.path, issue }];
  const names = expected.map((type) => typeNames[type] ?? type);
  const message = `expected ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names.at(-1)}`;
  return [{ path: issue.path, issue: { ...issue, message } }];
}

function flatten(issue: Issue, prefix: Path = []): { path: Path; issue: Issue }[] {
  if (issue.code === 'invalid_union') return unionIssues({ ...issue, path: [...prefix, ...issue.path] });
  return [{ path: [...prefix, ...issue.path], issue }];
}

function reason(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A schema's own message (`error: ...`) says more than the type.
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      return `expected ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
    case 'too_big':
      return bound(issue);
    default:
      return issue.message.replace(/^(Invalid input|Invalid option|Too small|Too big): /, '');
  }
}

/**
 * Turns zod issues of one config subtree into messages that name the leaf key, what was
 * expected and what was found: `config 'backend.listen.port' (the kernel): expected a
 * number, got "abc"`. A value the schema marks secret is described by its type only.
 */
export function describeConfigIssues(
  issues: readonly Issue[],
  options: { key: string; owner: string; value: unknown; schema: z.ZodType },
): string[] {
  let json: JsonSchema | undefined;
  try {
    json = z.toJSONSchema(options.schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  } catch {
    // A schema JSON Schema cannot express: treat every value as secret.
  }
  return issues
    .flatMap((issue) => flatten(issue))
    .map(({ path, issue }) => {
      let key = options.key;
      for (const part of path) key += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
      const value = valueAt(options.value, path);
      const secret = !json || isSecretAt(json, path);
      const found =
        issue.code === 'unrecognized_keys'
          ? ''
          : value === undefined
            ? ', but it is missing'
            : `, got ${secret ? hiddenType(value) : shown(value)}`;
      return `config '${key}' (${options.owner}): ${reason(issue)}${found}`;
    });
}
