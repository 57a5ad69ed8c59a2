import { z } from 'zod';
import { memberSchema } from '../common/index.js';

/** `permission.rbac`: admins, the policy file and how fast changes spread. */
export const rbacConfigSchema = z
  .object({
    /** Users and groups (refs) that always hold `rbac.policy.read` and `rbac.policy.write`. */
    admins: z.array(memberSchema).default([]),
    /** A YAML policy that seeds an empty database, or replaces the live policy (`policyFileMode`). */
    policyFile: z.string().min(1).optional(),
    /** `seed` (default): used only while the database has no version; `replace`: published whenever it differs from the live policy, checked at start and on every poll. */
    policyFileMode: z.enum(['seed', 'replace']).default('seed'),
    /** How often each backend checks for a version it missed (events deliver publishes at once) and, in `replace` mode, the file. */
    pollIntervalSeconds: z.number().min(0.05).max(3600).default(5),
    /** Read groups (`memberOf`, `childOf`) from the catalog so membership counts transitively. */
    groupsFromCatalog: z.boolean().default(true),
    /** How long the catalog's groups are reused before they are read again. */
    groupRefreshSeconds: z.number().min(0.05).max(86_400).default(60),
  })
  .prefault({});

/** The validated `permission.rbac` config. */
export type RbacConfig = z.output<typeof rbacConfigSchema>;
