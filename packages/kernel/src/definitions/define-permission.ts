import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../kernel-error-codes.js';
/** The action a permission is about, as in Backstage's permission framework. */
export type PermissionAction = 'create' | 'read' | 'update' | 'delete';

/** A permission a plugin declares in its manifest and checks through the permissions service. */
export interface Permission {
  readonly type: 'basic' | 'resource';
  /** Dotted name, e.g. `catalog.entity.delete`. */
  readonly name: string;
  readonly attributes: { readonly action?: PermissionAction };
  /** For resource permissions: the resource type, e.g. `catalog-entity`. */
  readonly resourceType?: string;
  readonly description?: string;
}

/** A permission tied to a resource type. */
export interface ResourcePermission<TResourceType extends string = string> extends Permission {
  readonly type: 'resource';
  readonly resourceType: TResourceType;
}

const permissionPattern = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/**
 * Declares a permission.
 *
 * @example
 * export const entityDelete = definePermission({
 *   name: 'catalog.entity.delete', attributes: { action: 'delete' }, resourceType: 'catalog-entity',
 * });
 */
export function definePermission<TResourceType extends string>(options: {
  name: string;
  attributes?: { action?: PermissionAction };
  resourceType: TResourceType;
  description?: string;
}): ResourcePermission<TResourceType>;
export function definePermission(options: {
  name: string;
  attributes?: { action?: PermissionAction };
  description?: string;
}): Permission;
export function definePermission(options: {
  name: string;
  attributes?: { action?: PermissionAction };
  resourceType?: string;
  description?: string;
}): Permission {
  if (!permissionPattern.test(options.name)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_PERMISSION_NAME,
      `permission name '${options.name}' is not valid. Permission names are dotted lowercase segments starting with the plugin id, such as 'catalog.entity.read'; rename it`,
      { details: { permission: options.name } },
    );
  }
  return {
    type: options.resourceType ? 'resource' : 'basic',
    name: options.name,
    attributes: options.attributes ?? {},
    resourceType: options.resourceType,
    description: options.description,
  };
}
