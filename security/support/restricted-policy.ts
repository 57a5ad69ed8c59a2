import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';

/** The restricted user of the permission tests. */
export const RESTRICTED_USER = 'user:default/security-restricted';
/** The group the restricted user belongs to: the only owner whose entities they may read. */
export const RESTRICTED_GROUP = 'group:default/security-canary-team';

/**
 * A policy like one an organisation writes: everyone signed in may do everything (the
 * shipped default), except that the restricted user may read only catalog entities
 * owned by one of their ownership refs (a conditional decision, turned into query
 * filters and per-entity checks by the catalog), and may not read the audit log, which
 * names every entity and location acted on.
 */
export const restrictedPolicy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const principal = credentials.principal;
    if (principal.type === 'none') return { result: 'DENY' };
    const isRestricted = principal.type === 'user' && principal.userEntityRef === RESTRICTED_USER;
    if (isRestricted && permission.name === 'catalog.entity.read') {
      return {
        result: 'CONDITIONAL',
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: principal.ownershipEntityRefs },
        },
      };
    }
    if (isRestricted && permission.name === 'audit.event.read') return { result: 'DENY' };
    return { result: 'ALLOW' };
  },
};

/** The policy as a feature that replaces the default one. */
export const restrictedPolicyFactory = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: () => restrictedPolicy,
});
