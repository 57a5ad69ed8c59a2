export { describePolicyIssues } from './describe-policy-issues.js';
export {
  checkCriteriaSize,
  criteriaSchema,
  memberSchema,
  normalizeMemberRef,
  RBAC_LIMITS,
  type RbacCondition,
  type RbacCriteria,
  type RbacPolicy,
  type RbacPolicyInput,
  type RbacRole,
  type RbacRule,
  rbacPolicySchema,
  rbacRoleSchema,
  rbacRuleSchema,
} from './policy-schema.js';
export {
  draftSchema,
  type PolicyDiff,
  policyDiffSchema,
  policyVersionSchema,
  type RoleChange,
  rbacApi,
  versionSourceSchema,
  versionSummarySchema,
} from './rbac-api.js';
export { rbacPermissionList, rbacPermissions } from './rbac-permissions.js';
