import type { Entity } from '@atrium/catalog-model';
import { AtriumError } from '@atrium/errors';
import type { Credentials, PermissionsService } from '@atrium/kernel';
import { mapCriteria } from '@atrium/kernel';
import { catalogErrorCodes } from '../../common/catalog-error-codes.js';
import { catalogPermissions, RESOURCE_TYPE_CATALOG_ENTITY } from '../../common/catalog-permissions.js';
import type { EntityFilter } from '../query/entity-filter.js';
import { catalogPermissionRules } from './catalog-permission-rules.js';
import { entityMatchesFilter } from './entity-matches-filter.js';

/** What the caller may read: `undefined` for everything, `deny` for nothing, or a filter. */
export type EntityReadFilter = EntityFilter | 'deny' | undefined;

/**
 * What the caller may read, as a filter for the queries: `undefined` for everything,
 * `deny` for nothing, or the conditional decision's criteria turned into a filter.
 *
 * @example
 * const permission = await entityReadFilter(deps.permissions, credentials);
 */
export async function entityReadFilter(
  permissions: PermissionsService,
  credentials: Credentials,
): Promise<EntityReadFilter> {
  const [decision] = await permissions.authorizeConditional([{ permission: catalogPermissions.entityRead }], {
    credentials,
  });
  if (!decision || decision.result === 'DENY') return 'deny';
  if (decision.result === 'ALLOW') return undefined;
  if (decision.resourceType !== RESOURCE_TYPE_CATALOG_ENTITY) return 'deny';
  const rules = new Map(catalogPermissionRules.map((rule) => [rule.name, rule]));
  return mapCriteria<EntityFilter>(
    decision.conditions,
    (condition) => {
      const rule = rules.get(condition.rule);
      if (!rule) {
        throw new AtriumError(
          catalogErrorCodes.CATALOG_UNKNOWN_PERMISSION_RULE,
          `the permission policy uses rule '${condition.rule}', which the catalog does not have; use one of ${[...rules.keys()].join(', ')}`,
        );
      }
      return rule.toQuery(condition.params ?? {});
    },
    {
      allOf: (items) => ({ allOf: items }),
      anyOf: (items) => ({ anyOf: items }),
      not: (item) => ({ not: item }),
    },
  );
}

/** Whether the read filter lets one entity through, as the database would for a stored one. */
export function readFilterAllows(filter: EntityReadFilter, entity: Entity): boolean {
  if (filter === undefined) return true;
  return filter !== 'deny' && entityMatchesFilter(entity, filter);
}
