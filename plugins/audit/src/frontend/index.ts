export { type AuditApi, auditApiRef } from './api/audit-api-ref.js';
export { auditApiExtension, auditPage, auditWebPlugin } from './plugin.js';
