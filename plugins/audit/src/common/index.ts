export {
  type AuditEvent,
  type AuditQuery,
  auditApi,
  auditEventSchema,
  auditQuerySchema,
} from './audit-api.js';
export { auditPermissionList, auditPermissions } from './audit-permissions.js';
