import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { rbacPolicySchema, rbacRoleSchema, rbacRuleSchema } from './policy-schema.js';

/** Where a published version came from. */
export const versionSourceSchema = z.enum(['ui', 'file', 'restore']);

/** A published version without its policy. */
export const versionSummarySchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  source: versionSourceSchema,
  message: z.string().optional(),
});

/** A published version with its policy. */
export const policyVersionSchema = versionSummarySchema.extend({ policy: rbacPolicySchema });

/** The draft the editor works on. */
export const draftSchema = z.object({
  policy: rbacPolicySchema,
  /** The live version the draft started from (null before the first publish). */
  baseVersion: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

const roleChangeSchema = z.object({
  name: z.string(),
  description: z.object({ from: z.string().optional(), to: z.string().optional() }).optional(),
  membersAdded: z.array(z.string()),
  membersRemoved: z.array(z.string()),
  rulesAdded: z.array(rbacRuleSchema),
  rulesRemoved: z.array(rbacRuleSchema),
});

/** What changed between two policies, role by role. */
export const policyDiffSchema = z.object({
  from: z.union([z.number().int(), z.literal('draft')]).nullable(),
  to: z.union([z.number().int(), z.literal('draft')]),
  added: z.array(rbacRoleSchema),
  removed: z.array(rbacRoleSchema),
  changed: z.array(roleChangeSchema),
});

/** A structured diff. */
export type PolicyDiff = z.output<typeof policyDiffSchema>;
/** A role's changes in a diff. */
export type RoleChange = z.output<typeof roleChangeSchema>;

const versionParams = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

const permissionListing = z.object({
  permissions: z.array(
    z.object({
      pluginId: z.string(),
      name: z.string(),
      type: z.enum(['basic', 'resource']),
      resourceType: z.string().optional(),
      action: z.string().optional(),
      description: z.string().optional(),
    }),
  ),
});

const conditionListing = z.object({
  resourceTypes: z.array(
    z.object({
      resourceType: z.string(),
      pluginId: z.string(),
      rules: z.array(
        z.object({
          name: z.string(),
          description: z.string(),
          paramsSchema: z.record(z.string(), z.unknown()).optional(),
        }),
      ),
    }),
  ),
});

/** The RBAC plugin's HTTP API, mounted at `/api/rbac`. */
export const rbacApi = defineHttpApi({
  title: 'RBAC',
  routes: {
    getAccess: {
      method: 'GET',
      path: '/access',
      access: 'user',
      summary: "The caller's own RBAC permissions (whether the admin pages are theirs to see)",
      response: z.object({ canRead: z.boolean(), canWrite: z.boolean() }),
    },
    getLivePolicy: {
      method: 'GET',
      path: '/policy',
      summary: 'The live (latest published) version, or null before the first publish',
      permissions: ['rbac.policy.read'],
      response: z.object({ version: policyVersionSchema.nullable() }),
    },
    exportPolicy: {
      method: 'GET',
      path: '/policy/export',
      summary: 'The live policy as the YAML of permission.rbac.policyFile',
      permissions: ['rbac.policy.read'],
      streaming: true,
    },
    getDraft: {
      method: 'GET',
      path: '/draft',
      summary: 'The draft (the live policy when nobody has edited it)',
      permissions: ['rbac.policy.read'],
      response: draftSchema,
    },
    updateDraft: {
      method: 'PUT',
      path: '/draft',
      summary: 'Replace the draft; it has no effect until published',
      permissions: ['rbac.policy.write'],
      body: z.object({ policy: rbacPolicySchema }),
      bodyLimit: 8 * 1024 * 1024,
      response: draftSchema,
    },
    diffDraft: {
      method: 'GET',
      path: '/draft/diff',
      summary: 'What publishing the draft would change in the live policy',
      permissions: ['rbac.policy.read'],
      response: policyDiffSchema,
    },
    publishDraft: {
      method: 'POST',
      path: '/draft/publish',
      summary: 'Publish the draft as a new immutable version, live on every backend',
      permissions: ['rbac.policy.write'],
      body: z.object({ message: z.string().max(500).optional() }),
      successStatus: 201,
      response: versionSummarySchema,
    },
    listVersions: {
      method: 'GET',
      path: '/versions',
      summary: 'Every published version, newest first',
      permissions: ['rbac.policy.read'],
      response: z.object({ items: z.array(versionSummarySchema) }),
    },
    getVersion: {
      method: 'GET',
      path: '/versions/:version',
      summary: 'One published version',
      permissions: ['rbac.policy.read'],
      params: versionParams,
      response: policyVersionSchema,
    },
    diffVersion: {
      method: 'GET',
      path: '/versions/:version/diff',
      summary: 'What a version changed compared with another (default: the one before it)',
      permissions: ['rbac.policy.read'],
      params: versionParams,
      query: z.object({ against: z.coerce.number().int().min(1).max(2_147_483_647).optional() }),
      response: policyDiffSchema,
    },
    restoreVersion: {
      method: 'POST',
      path: '/versions/:version/restore',
      summary: 'Publish an old version again as a new version (the draft is reset to it)',
      permissions: ['rbac.policy.write'],
      params: versionParams,
      successStatus: 201,
      response: versionSummarySchema,
    },
    listPermissions: {
      method: 'GET',
      path: '/permissions',
      summary: "Every installed plugin's declared permissions, for the editor",
      permissions: ['rbac.policy.read'],
      response: permissionListing,
    },
    listConditions: {
      method: 'GET',
      path: '/conditions',
      summary: "Each resource type's rules with their params schemas, for the condition builder",
      permissions: ['rbac.policy.read'],
      response: conditionListing,
    },
  },
});
