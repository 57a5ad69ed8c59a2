type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The last segment of a `$ref`, e.g. `Pet` for `#/components/schemas/Pet`. */
function refName(ref: string): string {
  return decodeURIComponent(ref.split('/').pop() ?? ref)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

const maxProperties = 6;

/**
 * A one-line, human summary of a JSON Schema, as an API reader needs it: `Pet`,
 * `array<Pet>`, `string (date-time)`, `"asc" | "desc"`, `object { id, name, … }`.
 *
 * @example
 * describeSchema({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }); // 'array<Pet>'
 */
export function describeSchema(schema: unknown, depth = 0): string {
  if (!isObject(schema)) return 'any';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if (depth > 3) return '…';
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[combinator];
    if (Array.isArray(parts) && parts.length > 0) {
      return parts
        .map((part) => describeSchema(part, depth + 1))
        .join(combinator === 'allOf' ? ' & ' : ' | ');
    }
  }
  if (Array.isArray(schema.enum)) {
    return (
      schema.enum
        .slice(0, 8)
        .map((value) => JSON.stringify(value))
        .join(' | ') + (schema.enum.length > 8 ? ' | …' : '')
    );
  }
  const type = Array.isArray(schema.type)
    ? schema.type.join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : undefined;
  if (type === 'array' || schema.items !== undefined)
    return `array<${describeSchema(schema.items, depth + 1)}>`;
  if (type === 'object' || isObject(schema.properties)) {
    const names = isObject(schema.properties) ? Object.keys(schema.properties) : [];
    if (names.length === 0) return 'object';
    const shown = names.slice(0, maxProperties).join(', ');
    return `object { ${shown}${names.length > maxProperties ? ', …' : ''} }`;
  }
  if (type) return typeof schema.format === 'string' ? `${type} (${schema.format})` : type;
  return 'any';
}
