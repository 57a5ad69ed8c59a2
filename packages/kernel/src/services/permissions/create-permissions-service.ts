import { AtriumError } from '@atrium/errors';
import type { Permission } from '../../definitions/define-permission.js';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import { isPermissionCovered } from '../auth/access-restrictions.js';
import type { Credentials } from '../auth/credentials.js';
import { mapCriteria } from './evaluate-criteria.js';
import type {
  DefinitiveDecision,
  PermissionPolicy,
  PermissionRule,
  PermissionsRegistryService,
  PermissionsService,
  ResourceTypeRegistration,
  ResourceTypeSummary,
} from './permission-types.js';

/** Resource types registered by every plugin, shared across the backend. */
export interface ResourceTypeRegistry {
  forPlugin(pluginId: string): PermissionsRegistryService;
  get(resourceType: string): (ResourceTypeRegistration & { pluginId: string }) | undefined;
}

/** Creates the shared registry. */
export function createResourceTypeRegistry(): ResourceTypeRegistry {
  const types = new Map<string, ResourceTypeRegistration & { pluginId: string }>();
  const listResourceTypes = (): ResourceTypeSummary[] =>
    [...types.values()].map(({ resourceType, pluginId, rules }) => ({
      resourceType,
      pluginId,
      rules: rules.map(({ name, description, paramsSchema }) => ({
        name,
        description,
        ...(paramsSchema ? { paramsSchema } : {}),
      })),
    }));
  return {
    forPlugin: (pluginId) => ({
      addResourceType(registration) {
        const existing = types.get(registration.resourceType);
        // The same plugin registering again is a runtime plugin's next generation: it replaces its own.
        if (existing && existing.pluginId !== pluginId) {
          throw new AtriumError(
            kernelErrorCodes.PERMISSION_DUPLICATE_RESOURCE_TYPE,
            `plugin '${pluginId}' registers resource type '${registration.resourceType}', already registered by plugin '${existing.pluginId}'`,
          );
        }
        types.set(registration.resourceType, { ...(registration as ResourceTypeRegistration), pluginId });
      },
      listResourceTypes,
    }),
    get: (resourceType) => types.get(resourceType),
  };
}

const DENY = { result: 'DENY' } as const;

/**
 * An external caller's access restrictions bound what any policy may grant it: a
 * permission they do not cover is denied before the policy is asked.
 */
function isAllowedByRestrictions(credentials: Credentials, permission: Permission): boolean {
  const principal = credentials.principal;
  return principal.type !== 'service' || !principal.accessRestrictions
    ? true
    : isPermissionCovered(principal.accessRestrictions, permission);
}

/**
 * Creates the permissions service of one plugin over the backend's single policy.
 * Permissions must be declared in some installed plugin's manifest, so `atrium inspect`
 * and policy authors see every permission that is ever checked.
 */
export function createPermissionsService(
  policy: PermissionPolicy,
  registry: ResourceTypeRegistry,
  declared: ReadonlySet<string>,
): PermissionsService {
  const checkDeclared = (permission: Permission) => {
    if (!declared.has(permission.name)) {
      throw new AtriumError(
        kernelErrorCodes.PERMISSION_UNDECLARED,
        `permission '${permission.name}' is checked but no installed plugin declares it; add it to the plugin manifest's 'permissions'`,
      );
    }
  };

  async function resolve(
    permission: Permission,
    resourceRef: string | undefined,
    decision: Awaited<ReturnType<PermissionPolicy['handle']>>,
  ): Promise<DefinitiveDecision> {
    if (decision.result !== 'CONDITIONAL') return decision;
    const registration = registry.get(decision.resourceType);
    if (!resourceRef || !registration) return { result: 'DENY' };
    const [resource] = await registration.getResources([resourceRef]);
    if (resource === undefined) return { result: 'DENY' };
    const rules = new Map<string, PermissionRule>(registration.rules.map((r) => [r.name, r]));
    const allowed = mapCriteria(
      decision.conditions,
      (condition) => {
        const rule = rules.get(condition.rule);
        if (!rule) {
          throw new AtriumError(
            kernelErrorCodes.PERMISSION_UNKNOWN_RULE,
            `rule '${condition.rule}' of resource type '${decision.resourceType}' is not registered (permission '${permission.name}')`,
          );
        }
        return rule.apply(resource, condition.params ?? {});
      },
      { allOf: (xs) => xs.every(Boolean), anyOf: (xs) => xs.some(Boolean), not: (x) => !x },
    );
    return { result: allowed ? 'ALLOW' : 'DENY' };
  }

  return {
    async authorize(requests, { credentials }) {
      return Promise.all(
        requests.map(async ({ permission, resourceRef }) => {
          checkDeclared(permission);
          if (!isAllowedByRestrictions(credentials, permission)) return DENY;
          return resolve(permission, resourceRef, await policy.handle({ permission }, { credentials }));
        }),
      );
    },
    async authorizeConditional(requests, { credentials }) {
      return Promise.all(
        requests.map(async ({ permission }) => {
          checkDeclared(permission);
          if (!isAllowedByRestrictions(credentials, permission)) return DENY;
          return policy.handle({ permission }, { credentials });
        }),
      );
    },
  };
}

/** The default policy: any signed-in user or service is allowed; anonymous callers are not. */
export function createAllowSignedInPolicy(): PermissionPolicy {
  return {
    async handle(_request, { credentials }) {
      return credentials.principal.type === 'none' ? { result: 'DENY' } : { result: 'ALLOW' };
    },
  };
}
