import { deriveSpecRelations, type Entity, stringifyEntityRef } from '@atrium/catalog-model';

/** A relation whose target no entity of the set provides. */
export interface DanglingRef {
  source: string;
  type: string;
  target: string;
}

/**
 * Derives every spec relation of a set of entities (catalog contract §5) and lists those
 * whose target is not in the set, plus the refs that could not be parsed at all. An empty
 * result means the set is closed: every owner, system, API and dependency exists.
 *
 * @example
 * findDanglingRefs(entities); // [{ source: 'component:default/web', type: 'ownedBy', target: 'group:default/nobody' }]
 */
export function findDanglingRefs(entities: readonly Entity[]): { dangling: DanglingRef[]; errors: string[] } {
  const known = new Set(entities.map((entity) => stringifyEntityRef(entity).toLowerCase()));
  const dangling: DanglingRef[] = [];
  const errors: string[] = [];
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity).toLowerCase();
    const derived = deriveSpecRelations(entity);
    for (const problem of derived.errors) errors.push(`${ref}: ${problem.path}: ${problem.message}`);
    for (const relation of derived.relations) {
      const source = stringifyEntityRef(relation.source).toLowerCase();
      // Inverse relations point back at `entity` itself, which is known by construction.
      if (source !== ref) continue;
      const target = stringifyEntityRef(relation.target).toLowerCase();
      if (!known.has(target)) dangling.push({ source, type: relation.type, target });
    }
  }
  return { dangling, errors };
}
