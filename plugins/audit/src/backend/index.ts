export { type AuditConfig, auditConfigSchema } from './config.js';
export { auditPlugin, auditPlugin as default } from './plugin.js';
