import { NotAllowedError, NotFoundError } from '@atrium/errors';
import {
  type AuditorService,
  type Credentials,
  type PermissionsService,
  type RouteContext,
  type RouteHandlers,
  runAudited,
} from '@atrium/kernel';
import { type AuditQuery, type auditApi, auditPermissions } from '../../common/index.js';
import type { AuditStore } from '../store/audit-store.js';

type Routes = (typeof auditApi)['routes'];

/** What the routes need. */
export interface AuditRouteDeps {
  store: AuditStore;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** Whether reads are audit events themselves (`audit.events.read`). */
  auditReads: boolean;
}

async function canRead(permissions: PermissionsService, credentials: Credentials): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission: auditPermissions.eventRead }], {
    credentials,
  });
  return decision?.result === 'ALLOW';
}

async function requireRead(permissions: PermissionsService, credentials: Credentials): Promise<void> {
  if (!(await canRead(permissions, credentials)))
    throw new NotAllowedError(`not allowed to ${auditPermissions.eventRead.name}`);
}

// Filters worth keeping in a read event; the cursor and limit say nothing about intent.
function filtersOf(query: AuditQuery): Record<string, unknown> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

/**
 * Runs a read as Backstage logs reads: a `low` event (`audit.events.read`), so who looked
 * at the log is in the log too. A refused read is recorded as failed.
 */
function audited<T>(
  deps: AuditRouteDeps,
  context: RouteContext<Routes[keyof Routes]>,
  meta: Record<string, unknown>,
  read: () => Promise<T>,
): Promise<T> {
  if (!deps.auditReads) return read();
  return runAudited(
    deps.auditor,
    { eventId: 'events.read', severityLevel: 'low', request: context.request, meta },
    read,
  );
}

/** Handlers of the audit API: list and read, nothing that writes. */
export function auditRoutes(deps: AuditRouteDeps): RouteHandlers<Routes> {
  const { store, permissions } = deps;
  return {
    listEvents: (context) =>
      audited(deps, context, { queryType: 'by-query', filters: filtersOf(context.query) }, async () => {
        await requireRead(permissions, context.credentials);
        const { items, nextCursor } = await store.list(context.query);
        return { items, pageInfo: nextCursor ? { nextCursor } : {} };
      }),
    getAccess: async ({ credentials }) => ({ canRead: await canRead(permissions, credentials) }),
    getEvent: (context) =>
      audited(deps, context, { queryType: 'by-id', id: context.params.id }, async () => {
        await requireRead(permissions, context.credentials);
        const event = await store.get(context.params.id);
        if (!event) throw new NotFoundError(`audit event '${context.params.id}' was not found`);
        return event;
      }),
  };
}
