import { definePermission, type Permission, type PermissionAction } from '@atrium/kernel/permissions';

/** The resource type of catalog entities in permission policies and conditional decisions. */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

function entityPermission(name: string, action: PermissionAction, description: string) {
  return definePermission({
    name,
    attributes: { action },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
    description,
  });
}

function basicPermission(name: string, action: PermissionAction | undefined, description: string) {
  return definePermission({ name, attributes: action ? { action } : {}, description });
}

/**
 * Every permission the catalog checks, with Backstage's names, so existing policies carry over.
 *
 * @example
 * const [decision] = await permissions.authorize([{ permission: catalogPermissions.entityDelete }], { credentials });
 */
export const catalogPermissions = {
  /** Read entities; conditional decisions become query filters. */
  entityRead: entityPermission('catalog.entity.read', 'read', 'Read catalog entities'),
  /** Create entities (registering a location creates them). */
  entityCreate: basicPermission('catalog.entity.create', 'create', 'Create catalog entities'),
  /** Delete one entity by uid. */
  entityDelete: entityPermission('catalog.entity.delete', 'delete', 'Delete catalog entities'),
  /** Schedule an entity for reprocessing. */
  entityRefresh: entityPermission('catalog.entity.refresh', 'update', 'Refresh catalog entities'),
  /** Validate an entity without storing it. */
  entityValidate: basicPermission('catalog.entity.validate', undefined, 'Validate catalog entities'),
  /** Read registered locations. */
  locationRead: basicPermission('catalog.location.read', 'read', 'Read catalog locations'),
  /** Register a location. */
  locationCreate: basicPermission('catalog.location.create', 'create', 'Register catalog locations'),
  /** Unregister (or change) a location. */
  locationDelete: basicPermission('catalog.location.delete', 'delete', 'Unregister catalog locations'),
  /** Analyze a location before registering it. */
  locationAnalyze: basicPermission('catalog.location.analyze', undefined, 'Analyze catalog locations'),
} as const;

/** The list form of {@link catalogPermissions}, as a manifest's `permissions` wants it. */
export const catalogPermissionList: readonly Permission[] = Object.values(catalogPermissions);

/** Names of the rules the catalog registers for `catalog-entity` conditional decisions. */
export const CATALOG_PERMISSION_RULES = {
  isEntityKind: 'IS_ENTITY_KIND',
  isEntityOwner: 'IS_ENTITY_OWNER',
  hasAnnotation: 'HAS_ANNOTATION',
  hasLabel: 'HAS_LABEL',
  hasMetadata: 'HAS_METADATA',
  hasSpec: 'HAS_SPEC',
} as const;
