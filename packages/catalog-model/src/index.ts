export {
  ANNOTATION_EDIT_URL,
  ANNOTATION_GITHUB_PROJECT_SLUG,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  ANNOTATION_ORPHAN,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_SOURCE_TEMPLATE,
  ANNOTATION_TECHDOCS_ENTITY,
  ANNOTATION_TECHDOCS_REF,
  ANNOTATION_VIEW_URL,
} from './annotations.js';
export {
  apiKind,
  BUILTIN_KINDS,
  CORE_API_VERSIONS,
  componentKind,
  domainKind,
  groupKind,
  locationKind,
  resourceKind,
  systemKind,
  userKind,
} from './builtin-kinds.js';
export { type CatalogModelErrorCode, catalogModelErrorCodes } from './catalog-model-error-codes.js';
export { defineKind, type JsonSchema, type KindDefinition, type KindExtension } from './define-kind.js';
export {
  type DerivedRelation,
  type DeriveSpecRelationsOptions,
  type DeriveSpecRelationsResult,
  deriveSpecRelations,
} from './derive-spec-relations.js';
export type {
  Entity,
  EntityLink,
  EntityMeta,
  EntityRelation,
  EntityStatus,
  EntityStatusItem,
  EntityStatusLevel,
} from './entity.js';
export {
  type CompoundEntityRef,
  DEFAULT_NAMESPACE,
  type EntityRefLike,
  entityRefEquals,
  getCompoundEntityRef,
  type ParseEntityRefContext,
  type PartialEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from './entity-ref.js';
export {
  isNonEmptyString,
  isValidAnnotationKey,
  isValidAnnotationValue,
  isValidApiVersion,
  isValidDnsLabel,
  isValidDnsSubdomain,
  isValidEntityName,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
} from './field-validators.js';
export { isSafeLinkUrl, type SafeLinkUrlOptions } from './is-safe-link-url.js';
export {
  type ApiEntity,
  type ApiRemote,
  type ComponentEntity,
  type CoreApiVersion,
  type DomainEntity,
  type EntityProfile,
  type GroupEntity,
  isApiEntity,
  isComponentEntity,
  isDomainEntity,
  isGroupEntity,
  isLocationEntity,
  isResourceEntity,
  isSystemEntity,
  isUserEntity,
  type LocationEntity,
  type ResourceEntity,
  type SystemEntity,
  type UserEntity,
} from './kind-entities.js';
export {
  createKindRegistry,
  type KindRegistration,
  type KindRegistry,
  type KindRegistryOptions,
} from './kind-registry.js';
export { type LocationRef, parseLocationRef, stringifyLocationRef } from './location-ref.js';
export {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PAIRS,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from './relation-types.js';
export { nonEmptyStringArraySchema, nonEmptyStringSchema } from './schema-fragments.js';
export { SPEC_RELATION_RULES, type SpecRelationRule } from './spec-relation-rules.js';
export {
  isTemplateEntity,
  type TemplateEntity,
  type TemplateOutput,
  type TemplateOutputLink,
  type TemplateOutputText,
  type TemplateParameterPage,
  type TemplateStep,
} from './template-entity.js';
export { TEMPLATE_API_VERSION, templateKind } from './template-kind.js';
export { type EnvelopeValidationOptions, validateEntityEnvelope } from './validate-entity-envelope.js';
export { FIELD_FORMAT_EXPECTATIONS, validateEntityFields } from './validate-entity-fields.js';
export type { ValidationProblem } from './validation-problem.js';
