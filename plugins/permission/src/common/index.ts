export {
  type AuthorizeRequest,
  type AuthorizeResult,
  authorizeItemSchema,
  authorizeRequestSchema,
  authorizeResultSchema,
  MAX_AUTHORIZE_ITEMS,
  permissionApi,
  permissionSchema,
} from './permission-api.js';
