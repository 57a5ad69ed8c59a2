import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const STATUSES = ['succeeded', 'failed'] as const;
const ACTOR_TYPES = ['user', 'service', 'none'] as const;

/** One stored audit event, as the API answers it (the kernel's `AuditRecord`). */
export const auditEventSchema = z.object({
  id: z.string(),
  time: z.string(),
  pluginId: z.string(),
  eventId: z.string(),
  severityLevel: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  actor: z.object({
    actorId: z.string().optional(),
    type: z.enum(ACTOR_TYPES),
    ip: z.string().optional(),
    userAgent: z.string().optional(),
  }),
  request: z.object({ id: z.string(), method: z.string(), url: z.string() }).optional(),
  target: z.string().optional(),
  meta: z.record(z.string(), z.unknown()),
  error: z.object({ name: z.string(), message: z.string() }).optional(),
});

/** A stored audit event. */
export type AuditEvent = z.infer<typeof auditEventSchema>;

// Stored as text: PostgreSQL refuses U+0000 in text, so a filter with it could never match.
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain the NUL character (U+0000)');
const repeated = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? undefined : ([value].flat() as z.output<T>[])));
const instant = z.iso.datetime({ offset: true });

/** Filters of `GET /events`, after parsing. */
export const auditQuerySchema = z.object({
  pluginId: text(100).optional(),
  eventId: repeated(text(200)),
  severity: repeated(z.enum(SEVERITIES)),
  status: z.enum(STATUSES).optional(),
  actorId: text(512).optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  /** Exact target, e.g. `component:default/web` or `location:<id>`. */
  target: text(1024).optional(),
  /** Events at or after this time (ISO 8601). */
  from: instant.optional(),
  /** Events before this time (ISO 8601). */
  to: instant.optional(),
  /** Free text: a part of the event id, target, actor or request path (case-insensitive). */
  q: text(200).optional(),
  cursor: text(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Parsed filters of `GET /events`. */
export type AuditQuery = z.output<typeof auditQuerySchema>;

/**
 * The audit plugin's HTTP API at `/api/audit`: read-only (the log is append-only; records
 * come only from the backends' auditors).
 */
export const auditApi = defineHttpApi({
  title: 'Audit log',
  routes: {
    listEvents: {
      method: 'GET',
      path: '/events',
      summary: 'Audit events, newest first, filtered and paged with a cursor',
      query: auditQuerySchema,
      response: z.object({
        items: z.array(auditEventSchema),
        pageInfo: z.object({ nextCursor: z.string().optional() }),
      }),
      permissions: ['audit.event.read'],
    },
    getAccess: {
      method: 'GET',
      path: '/access',
      summary: "Whether the caller may read the audit log (the web app's nav asks; not itself audited)",
      access: 'user',
      response: z.object({ canRead: z.boolean() }),
    },
    getEvent: {
      method: 'GET',
      path: '/events/:id',
      summary: 'One audit event by id',
      params: z.object({ id: text(64) }),
      response: auditEventSchema,
      permissions: ['audit.event.read'],
    },
  },
});
