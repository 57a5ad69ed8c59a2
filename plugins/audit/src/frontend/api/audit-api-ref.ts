import type { ApiClient } from '@atrium/http-api';
import { defineApiRef } from '@atrium/web-kernel';
import type { auditApi } from '../../common/index.js';

/** The audit REST API (base `/api/audit`) as the browser uses it: one method per route. */
export type AuditApi = ApiClient<typeof auditApi.routes>;

/** Ref of the audit API (`useApi(auditApiRef)`). */
export const auditApiRef = defineApiRef<AuditApi>({ id: 'audit.client' });
