import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';

/** At most this many items in one authorize request. */
export const MAX_AUTHORIZE_ITEMS = 1000;

/** A permission as Backstage clients send it: `{ type, name, attributes, resourceType? }`. */
export const permissionSchema = z.object({
  type: z.enum(['basic', 'resource']),
  name: z.string().min(1).max(200),
  attributes: z
    .object({ action: z.enum(['create', 'read', 'update', 'delete']).optional() })
    .loose()
    .default({}),
  resourceType: z.string().min(1).max(200).optional(),
});

/** One question: may the caller do `permission` (to `resourceRef`)? */
export const authorizeItemSchema = z.object({
  /** The caller's id for the item; the answer carries it back. */
  id: z.string().min(1).max(200),
  permission: permissionSchema,
  /** The resource (an entity ref for `catalog-entity`); resolves a conditional decision. */
  resourceRef: z.string().min(1).max(1000).optional(),
});

/** The request body. */
export const authorizeRequestSchema = z.object({
  items: z.array(authorizeItemSchema).min(1).max(MAX_AUTHORIZE_ITEMS),
});

const criteria: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.object({ allOf: z.array(criteria) }),
    z.object({ anyOf: z.array(criteria) }),
    z.object({ not: criteria }),
    z.object({
      rule: z.string(),
      resourceType: z.string(),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  ]),
);

/** One answer: ALLOW, DENY, or CONDITIONAL with the owning plugin's conditions. */
export const authorizeResultSchema = z.union([
  z.object({ id: z.string(), result: z.enum(['ALLOW', 'DENY']) }),
  z.object({
    id: z.string(),
    result: z.literal('CONDITIONAL'),
    pluginId: z.string(),
    resourceType: z.string(),
    conditions: criteria,
  }),
]);

/** A parsed authorize request. */
export type AuthorizeRequest = z.output<typeof authorizeRequestSchema>;
/** One answer of an authorize request. */
export type AuthorizeResult = z.output<typeof authorizeResultSchema>;

/**
 * The permission plugin's HTTP API at `/api/permission`: Backstage's authorize endpoint,
 * so Backstage clients (and plugins outside this backend) ask the backend's policy.
 */
export const permissionApi = defineHttpApi({
  title: 'Permission',
  routes: {
    authorize: {
      method: 'POST',
      path: '/authorize',
      summary:
        "Decisions of the backend's permission policy for the caller (user or service), one per item, matched by id",
      description:
        'A resource permission with a resourceRef is resolved against that resource (ALLOW or DENY, DENY when it does not exist); without one the answer may be CONDITIONAL, with the conditions for the caller to apply as a query filter.',
      body: authorizeRequestSchema,
      response: z.object({ items: z.array(authorizeResultSchema) }),
    },
  },
});
