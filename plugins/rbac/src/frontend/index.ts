export { createRbacClient, type RbacClient, rbacApiRef } from './api/rbac-client.js';
export { rbacApiExtension, rbacPage, rbacWebPlugin } from './plugin.js';
