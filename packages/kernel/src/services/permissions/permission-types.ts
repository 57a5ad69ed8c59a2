import type { Permission } from '../../definitions/define-permission.js';
import type { Credentials } from '../auth/credentials.js';

/** A parameterised predicate over a resource, named in policy decisions. */
export interface PermissionCondition {
  rule: string;
  resourceType: string;
  params?: Record<string, unknown>;
}

/** A tree of conditions, in Backstage's criteria shape. */
export type PermissionCriteria<T> =
  | { allOf: PermissionCriteria<T>[] }
  | { anyOf: PermissionCriteria<T>[] }
  | { not: PermissionCriteria<T> }
  | T;

/** What a policy decides. */
export type PolicyDecision =
  | { result: 'ALLOW' }
  | { result: 'DENY' }
  | {
      result: 'CONDITIONAL';
      pluginId: string;
      resourceType: string;
      conditions: PermissionCriteria<PermissionCondition>;
    };

/** A definitive decision. */
export type DefinitiveDecision = { result: 'ALLOW' } | { result: 'DENY' };

/** The single policy of a backend; replace it by adding a factory for `coreServices.permissionPolicy`. */
export interface PermissionPolicy {
  handle(request: { permission: Permission }, context: { credentials: Credentials }): Promise<PolicyDecision>;
}

/** A rule implementation a plugin registers for one of its resource types. */
export interface PermissionRule<TResource = unknown, TQuery = unknown> {
  name: string;
  description: string;
  resourceType: string;
  /** Does the resource satisfy the rule with these params? */
  apply(resource: TResource, params: Record<string, unknown>): boolean;
  /** The rule as a query filter of the owning plugin. */
  toQuery(params: Record<string, unknown>): TQuery;
  /** JSON Schema of `params`, for policy editors (Backstage's `paramsSchema`). */
  paramsSchema?: Record<string, unknown>;
}

/** A registered resource type as policy editors see it: its owner and its rules, without the code. */
export interface ResourceTypeSummary {
  resourceType: string;
  pluginId: string;
  rules: Array<{ name: string; description: string; paramsSchema?: Record<string, unknown> }>;
}

/** A resource type a plugin owns, with how to load resources for conditional checks. */
export interface ResourceTypeRegistration<TResource = unknown> {
  resourceType: string;
  // biome-ignore lint/suspicious/noExplicitAny: rules differ in their query type.
  rules: PermissionRule<TResource, any>[];
  getResources(resourceRefs: string[]): Promise<Array<TResource | undefined>>;
}

/** Checks permissions for a caller. */
export interface PermissionsService {
  /** Definitive decisions; conditional ones are resolved against the resource when a `resourceRef` is given. */
  authorize(
    requests: Array<{ permission: Permission; resourceRef?: string }>,
    options: { credentials: Credentials },
  ): Promise<DefinitiveDecision[]>;
  /** Decisions that may be CONDITIONAL, for the caller to turn into query filters. */
  authorizeConditional(
    requests: Array<{ permission: Permission }>,
    options: { credentials: Credentials },
  ): Promise<PolicyDecision[]>;
}

/** Where a plugin registers the resource types and rules behind its resource permissions. */
export interface PermissionsRegistryService {
  addResourceType<TResource>(registration: ResourceTypeRegistration<TResource>): void;
  /** Every resource type registered by any plugin so far (all of them once the plugins have started). */
  listResourceTypes(): ResourceTypeSummary[];
}
