// The built-in relation types. Each comes in a pair: the catalog stores the forward
// relation on the entity whose spec names the target, and the inverse on the target.

/** The entity is owned by the target (a Group or User). */
export const RELATION_OWNED_BY = 'ownedBy';
/** The entity owns the target. Inverse of `ownedBy`. */
export const RELATION_OWNER_OF = 'ownerOf';
/** The entity consumes the target API. */
export const RELATION_CONSUMES_API = 'consumesApi';
/** The API is consumed by the target. Inverse of `consumesApi`. */
export const RELATION_API_CONSUMED_BY = 'apiConsumedBy';
/** The entity provides the target API. */
export const RELATION_PROVIDES_API = 'providesApi';
/** The API is provided by the target. Inverse of `providesApi`. */
export const RELATION_API_PROVIDED_BY = 'apiProvidedBy';
/** The entity depends on the target. */
export const RELATION_DEPENDS_ON = 'dependsOn';
/** The target depends on the entity. Inverse of `dependsOn`. */
export const RELATION_DEPENDENCY_OF = 'dependencyOf';
/** The entity (a Group) is the parent of the target. */
export const RELATION_PARENT_OF = 'parentOf';
/** The entity (a Group) is a child of the target. Inverse of `parentOf`. */
export const RELATION_CHILD_OF = 'childOf';
/** The entity is a member of the target Group. */
export const RELATION_MEMBER_OF = 'memberOf';
/** The Group has the target as a member. Inverse of `memberOf`. */
export const RELATION_HAS_MEMBER = 'hasMember';
/** The entity is part of the target (a System, Domain or Component). */
export const RELATION_PART_OF = 'partOf';
/** The entity has the target as a part. Inverse of `partOf`. */
export const RELATION_HAS_PART = 'hasPart';

/** Every built-in relation type paired with its inverse, forward first. */
export const RELATION_PAIRS: readonly (readonly [string, string])[] = [
  [RELATION_OWNED_BY, RELATION_OWNER_OF],
  [RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY],
  [RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY],
  [RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF],
  [RELATION_CHILD_OF, RELATION_PARENT_OF],
  [RELATION_MEMBER_OF, RELATION_HAS_MEMBER],
  [RELATION_PART_OF, RELATION_HAS_PART],
];
