import { rbacPlugin } from './plugin.js';
import { rbacPermissionPolicyFactory } from './rbac-policy-holder.js';

export { rbacPlugin } from './plugin.js';
export {
  type RbacPolicyHolder,
  rbacPermissionPolicyFactory,
  rbacPolicyHolderRef,
} from './rbac-policy-holder.js';

/** What `backend.features: ['@atrium/rbac/backend']` loads: the plugin and the policy that enforces it. */
export default [rbacPlugin, rbacPermissionPolicyFactory];
export { createStaticRbacPolicy } from './create-static-rbac-policy.js';
