import { NotAllowedError } from '@atrium/errors';
import {
  type Credentials,
  mapCriteria,
  type PermissionRule,
  type PermissionsService,
  type PolicyDecision,
} from '@atrium/kernel';
import { type ScaffolderPermission, scaffolderPermissions } from '../../common/index.js';
import type { ActionAuthorizer } from '../runner/run-types.js';
import { type ActionRun, actionRules, hasTagRule, type TaggedPart } from './permission-rules.js';

function decide<T>(decision: PolicyDecision, rules: PermissionRule<T, never>[], resource: T): boolean {
  if (decision.result !== 'CONDITIONAL') return decision.result === 'ALLOW';
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  return mapCriteria(
    decision.conditions,
    (condition) => byName.get(condition.rule)?.apply(resource, condition.params ?? {}) ?? false,
    { allOf: (xs) => xs.every(Boolean), anyOf: (xs) => xs.some(Boolean), not: (x) => !x },
  );
}

const tagsOf = (part: object): string[] | undefined => {
  const tags = ((part as Record<string, unknown>)['backstage:permissions'] as { tags?: unknown } | undefined)
    ?.tags;
  return Array.isArray(tags) ? tags.map(String) : undefined;
};

/** The scaffolder's permission checks (scaffolder.md §10). */
export interface ScaffolderAuthorizer {
  /** Throws a 403 naming the permission unless it is allowed. */
  require(credentials: Credentials, permission: ScaffolderPermission, what: string): Promise<void>;
  /** Keeps the pages/steps the caller may see: untagged ones, and tagged ones the policy allows. */
  filterTagged<T extends object>(
    credentials: Credentials,
    permission: ScaffolderPermission,
    parts: T[],
  ): Promise<T[]>;
  /** Checks `scaffolder.action.execute` per action run, for the given caller. */
  actionAuthorizer(credentials: Credentials): ActionAuthorizer;
}

/** Creates the authorizer over the permissions service. */
export function createScaffolderAuthorizer(permissions: PermissionsService): ScaffolderAuthorizer {
  return {
    async require(credentials, permission, what) {
      const [decision] = await permissions.authorize([{ permission }], { credentials });
      if (decision?.result !== 'ALLOW') {
        throw new NotAllowedError(`${what} is not allowed: permission '${permission.name}' was denied`);
      }
    },
    async filterTagged(credentials, permission, parts) {
      if (!parts.some((part) => tagsOf(part))) return parts;
      const [decision] = await permissions.authorizeConditional([{ permission }], { credentials });
      return parts.filter((part) => {
        const tags = tagsOf(part);
        return !tags || decide<TaggedPart>(decision!, [hasTagRule], { tags });
      });
    },
    actionAuthorizer(credentials) {
      let decision: Promise<PolicyDecision | undefined> | undefined;
      return async (action, input) => {
        decision ??= permissions
          .authorizeConditional([{ permission: scaffolderPermissions.actionExecute }], { credentials })
          .then(([d]) => d);
        const resolved = await decision;
        return resolved !== undefined && decide<ActionRun>(resolved, actionRules, { action, input });
      };
    },
  };
}
