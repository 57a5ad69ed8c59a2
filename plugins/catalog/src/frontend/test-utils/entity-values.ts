import type { Entity } from '@atrium/catalog-model';

const lower = (value: string) => value.toLowerCase();

function walk(value: unknown, path: string, out: Map<string, string[]>) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      walk(item, path, out);
      // Arrays of strings also index `<path>.<item>` = true, as the real catalog does.
      if (typeof item === 'string') walk('true', `${path}.${lower(item)}`, out);
    }
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      walk(child, path ? `${path}.${lower(key)}` : lower(key), out);
    return;
  }
  out.set(path, [...(out.get(path) ?? []), String(value)]);
}

/**
 * The catalog's search rows of an entity (catalog contract §10.3): lowercased dotted keys
 * to their values, plus `relations.<type>` → target refs. Test stand-in for the server's index.
 */
export function entitySearchValues(entity: Entity): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const { relations, status: _status, ...rest } = entity;
  walk(rest, '', out);
  if (!out.has('metadata.namespace')) out.set('metadata.namespace', ['default']);
  for (const relation of relations ?? []) {
    const key = `relations.${lower(relation.type)}`;
    out.set(key, [...(out.get(key) ?? []), relation.targetRef]);
  }
  return out;
}
