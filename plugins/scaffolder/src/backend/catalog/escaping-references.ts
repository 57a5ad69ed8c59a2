import { type RepositoryBase, resolveInsideRepository } from './repository-base.js';

const PLACEHOLDERS = ['$text', '$json', '$yaml'];

/** A reference in a descriptor that leads outside the repository it was published to. */
export interface EscapingReference {
  /** Where in the document, e.g. `document 1 at spec.definition.$text`. */
  at: string;
  target: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function placeholders(value: unknown, path: string, found: Array<{ at: string; target: string }>): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) placeholders(item, `${path}[${index}]`, found);
    return;
  }
  if (!isObject(value)) return;
  const keys = Object.keys(value);
  for (const key of keys) {
    const at = path ? `${path}.${key}` : key;
    // Any placeholder key is checked, not only the exact one-key shape the catalog
    // resolves today: a reference that does not resolve now may resolve later.
    if (PLACEHOLDERS.includes(key) && typeof value[key] === 'string') {
      found.push({ at, target: value[key] as string });
    } else placeholders(value[key], at, found);
  }
}

function locationTargets(document: Record<string, unknown>, repository: RepositoryBase) {
  if (String(document.kind).toLowerCase() !== 'location' || !isObject(document.spec)) return [];
  const spec = document.spec;
  const targets = [
    ...(typeof spec.target === 'string' ? [{ at: 'spec.target', target: spec.target }] : []),
    ...(Array.isArray(spec.targets) ? spec.targets : []).map((target, index) => ({
      at: `spec.targets[${index}]`,
      target: String(target),
    })),
  ];
  // A child location of another type reads from somewhere else by definition.
  const type = spec.type === undefined ? repository.type : String(spec.type);
  return type === repository.type ? targets : targets.map((t) => ({ ...t, target: `${type}:${t.target}` }));
}

/**
 * The `$text`/`$json`/`$yaml` placeholders and child Location targets of descriptor
 * documents that resolve outside the repository (relative to the file at `fromUrl`), as
 * the catalog would resolve them; empty when every reference stays inside.
 *
 * @example
 * escapingReferences([{ kind: 'Component', spec: { x: { $text: '/etc/passwd' } } }], workspaceRepository('/w'), 'file:///w/catalog-info.yaml');
 * // [{ at: 'document 1 at spec.x.$text', target: '/etc/passwd' }]
 */
export function escapingReferences(
  documents: unknown[],
  repository: RepositoryBase,
  fromUrl: string,
): EscapingReference[] {
  return documents.flatMap((document, index) => {
    if (!isObject(document)) return [];
    const found: Array<{ at: string; target: string }> = [];
    placeholders(document, '', found);
    found.push(...locationTargets(document, repository));
    return found
      .filter(({ target }) => resolveInsideRepository(repository, target, fromUrl) === undefined)
      .map(({ at, target }) => ({ at: `document ${index + 1} at ${at}`, target }));
  });
}
