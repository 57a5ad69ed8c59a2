// A browser-safe entry: plugins declare their permissions in `common` code, which the web
// app imports too, so this must not pull in the Node-only rest of the kernel.
export {
  definePermission,
  type Permission,
  type PermissionAction,
  type ResourcePermission,
} from './definitions/define-permission.js';
