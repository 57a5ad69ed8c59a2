import { z } from 'zod';

/** Limits on a policy, so one document cannot make every decision slow. */
export const RBAC_LIMITS = {
  roles: 10_000,
  membersPerRole: 20_000,
  rulesPerRole: 500,
  conditionDepth: 12,
  conditionNodes: 256,
} as const;

/** A leaf of a condition tree: one rule of the resource type with its params. */
export interface RbacCondition {
  rule: string;
  resourceType?: string;
  params?: Record<string, unknown>;
}

/** A condition tree in Backstage's criteria shape (allOf / anyOf / not / a rule). */
export type RbacCriteria =
  | { allOf: RbacCriteria[] }
  | { anyOf: RbacCriteria[] }
  | { not: RbacCriteria }
  | RbacCondition;

const conditionSchema = z.strictObject({
  rule: z.string().min(1).max(100),
  resourceType: z.string().min(1).max(100).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** A condition tree; depth and size are checked by {@link checkCriteriaSize}. */
export const criteriaSchema: z.ZodType<RbacCriteria> = z.lazy(() =>
  z.union([
    z.strictObject({ allOf: z.array(criteriaSchema).min(1) }),
    z.strictObject({ anyOf: z.array(criteriaSchema).min(1) }),
    z.strictObject({ not: criteriaSchema }),
    conditionSchema,
  ]),
);

function criteriaSize(criteria: RbacCriteria, depth: number): { depth: number; nodes: number } {
  const children =
    'allOf' in criteria
      ? criteria.allOf
      : 'anyOf' in criteria
        ? criteria.anyOf
        : 'not' in criteria
          ? [criteria.not]
          : [];
  return children.reduce(
    (total, child) => {
      const size = criteriaSize(child, depth + 1);
      return { depth: Math.max(total.depth, size.depth), nodes: total.nodes + size.nodes };
    },
    { depth, nodes: 1 },
  );
}

/** A problem with a condition tree's size, or undefined when it is within the limits. */
export function checkCriteriaSize(criteria: RbacCriteria): string | undefined {
  const size = criteriaSize(criteria, 1);
  if (size.depth > RBAC_LIMITS.conditionDepth)
    return `is nested ${size.depth} deep; at most ${RBAC_LIMITS.conditionDepth}`;
  if (size.nodes > RBAC_LIMITS.conditionNodes)
    return `has ${size.nodes} nodes; at most ${RBAC_LIMITS.conditionNodes}`;
  return undefined;
}

const actionSchema = z.enum(['create', 'read', 'update', 'delete']);

/** One rule of a role: which permissions it matches and what it decides. */
export const rbacRuleSchema = z
  .strictObject({
    /** A permission name such as `catalog.entity.read`, or `*` for every permission. */
    permission: z.string().min(1).max(200).optional(),
    /** Every permission on this resource type, such as `catalog-entity`. */
    resourceType: z.string().min(1).max(100).optional(),
    /** Every permission with this action. */
    action: actionSchema.optional(),
    effect: z.enum(['allow', 'deny']),
    /** Only for resource permissions: the decision holds for the resources these match. */
    conditions: criteriaSchema.optional(),
  })
  .check((ctx) => {
    const rule = ctx.value;
    if (rule.permission === undefined && rule.resourceType === undefined && rule.action === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: rule,
        message:
          "needs at least one of 'permission', 'resourceType' or 'action' (permission: '*' matches all)",
      });
    }
    const size = rule.conditions ? checkCriteriaSize(rule.conditions) : undefined;
    if (size)
      ctx.issues.push({
        code: 'custom',
        input: rule,
        path: ['conditions'],
        message: `the condition tree ${size}`,
      });
  });

/** A rule of a role. */
export type RbacRule = z.output<typeof rbacRuleSchema>;

const memberPattern = /^(user|group):([a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/i;

/** A member: `user:<namespace>/<name>` or `group:<namespace>/<name>` (namespace `default` if left out), or `*` for every signed-in user. */
export const memberSchema = z
  .string()
  .max(300)
  .refine((value) => value === '*' || memberPattern.test(value), {
    message: "must be a user or group ref such as 'user:default/jdoe' or 'group:default/team-a', or '*'",
  })
  .transform(normalizeMemberRef);

/** Lower-cases a member ref and fills in the `default` namespace. */
export function normalizeMemberRef(ref: string): string {
  if (ref === '*') return ref;
  const lower = ref.toLowerCase();
  const colon = lower.indexOf(':');
  return lower.includes('/') ? lower : `${lower.slice(0, colon)}:default/${lower.slice(colon + 1)}`;
}

/** A role: who holds it and what it decides. */
export const rbacRoleSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(2000).optional(),
  members: z.array(memberSchema).max(RBAC_LIMITS.membersPerRole).default([]),
  rules: z.array(rbacRuleSchema).max(RBAC_LIMITS.rulesPerRole).default([]),
});

/** A role. */
export type RbacRole = z.output<typeof rbacRoleSchema>;

/** The whole policy: the same shape in the database, the API and the YAML file. */
export const rbacPolicySchema = z
  .strictObject({ roles: z.array(rbacRoleSchema).max(RBAC_LIMITS.roles).default([]) })
  .check((ctx) => {
    const seen = new Set<string>();
    ctx.value.roles.forEach((role, index) => {
      const key = role.name.toLowerCase();
      if (seen.has(key)) {
        ctx.issues.push({
          code: 'custom',
          input: role.name,
          path: ['roles', index, 'name'],
          message: 'is used by an earlier role; role names are unique',
        });
      }
      seen.add(key);
    });
  });

/** A policy. */
export type RbacPolicy = z.output<typeof rbacPolicySchema>;
/** A policy as written (before defaults). */
export type RbacPolicyInput = z.input<typeof rbacPolicySchema>;
