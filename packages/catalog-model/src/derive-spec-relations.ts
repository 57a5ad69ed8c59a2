import { describeValue } from './describe-value.js';
import type { Entity } from './entity.js';
import {
  type CompoundEntityRef,
  getCompoundEntityRef,
  splitEntityRef,
  stringifyEntityRef,
} from './entity-ref.js';
import { joinFieldPath } from './field-path.js';
import { SPEC_RELATION_RULES, type SpecRelationRule } from './spec-relation-rules.js';
import type { ValidationProblem } from './validation-problem.js';

/** A relation between two entities, as emitted during processing. */
export type DerivedRelation = {
  source: CompoundEntityRef;
  type: string;
  target: CompoundEntityRef;
};

/** What {@link deriveSpecRelations} found: the relations, and the refs it could not use. */
export type DeriveSpecRelationsResult = {
  relations: DerivedRelation[];
  errors: ValidationProblem[];
};

/** Options of {@link deriveSpecRelations}. */
export type DeriveSpecRelationsOptions = {
  /** The rules to apply; defaults to the built-in {@link SPEC_RELATION_RULES}. */
  rules?: readonly SpecRelationRule[];
};

/**
 * Derives the relations that an entity's spec fields imply: for each ref, the forward
 * relation (source = the entity) and its inverse (source = the target). Kindless refs take
 * the field's default kind; namespaceless refs take the entity's namespace. Refs that are
 * malformed, or kindless in a field without a default kind, are reported in `errors`.
 * Duplicates are dropped; casing is kept as written (stringify refs to compare them).
 *
 * @example
 * deriveSpecRelations({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
 *   metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'service', lifecycle: 'production', owner: 'team-a' } });
 * // relations: web ownedBy group:shop/team-a, and group:shop/team-a ownerOf web
 */
export function deriveSpecRelations(
  entity: Entity,
  options: DeriveSpecRelationsOptions = {},
): DeriveSpecRelationsResult {
  const source = getCompoundEntityRef(entity);
  const kind = entity.kind.toLowerCase();
  const relations: DerivedRelation[] = [];
  const errors: ValidationProblem[] = [];
  const seen = new Set<string>();
  const emit = (from: CompoundEntityRef, type: string, to: CompoundEntityRef) => {
    const key = `${stringifyEntityRef(from)} ${type} ${stringifyEntityRef(to)}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({ source: from, type, target: to });
  };
  for (const rule of options.rules ?? SPEC_RELATION_RULES) {
    if (!rule.kinds.some((ruleKind) => ruleKind.toLowerCase() === kind)) continue;
    const value = entity.spec?.[rule.field];
    if (value === undefined || value === null) continue;
    const path = joinFieldPath('spec', rule.field);
    for (const item of refsOf(value, rule, path, errors)) {
      const target = resolveRef(item.ref, rule, source, item.path, errors);
      if (!target) continue;
      emit(source, rule.forward, target);
      emit(target, rule.inverse, source);
    }
  }
  return { relations, errors };
}

function refsOf(
  value: unknown,
  rule: SpecRelationRule,
  path: string,
  errors: ValidationProblem[],
): Array<{ ref: unknown; path: string }> {
  if (!rule.many) return [{ ref: value, path }];
  if (!Array.isArray(value)) {
    errors.push({ path, message: `${path} must be an array of entity refs, found ${describeValue(value)}` });
    return [];
  }
  return value.map((ref: unknown, index) => ({ ref, path: joinFieldPath(path, index) }));
}

function resolveRef(
  ref: unknown,
  rule: SpecRelationRule,
  source: CompoundEntityRef,
  path: string,
  errors: ValidationProblem[],
): CompoundEntityRef | undefined {
  if (typeof ref !== 'string') {
    errors.push({ path, message: `${path} must be an entity ref string, found ${describeValue(ref)}` });
    return undefined;
  }
  const parts = splitEntityRef(ref);
  if (!ref || !parts) {
    const message = `${path} ${describeValue(ref)} is not a valid entity ref; expected [<kind>:][<namespace>/]<name>`;
    errors.push({ path, message });
    return undefined;
  }
  const kind = parts.kind ?? rule.defaultKind;
  if (!kind) {
    const example = `${source.kind.toLowerCase()}:${ref}`;
    errors.push({ path, message: `${path} ${describeValue(ref)} needs a kind, e.g. "${example}"` });
    return undefined;
  }
  return { kind, namespace: parts.namespace ?? source.namespace, name: parts.name };
}
