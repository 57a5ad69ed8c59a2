export { appApi } from '../common/app-api.js';
export { type AppErrorCode, appErrorCodes } from './app-error-codes.js';
export { appPlugin, appPlugin as default } from './plugin.js';
export {
  appFrontendFeaturesExtensionPoint,
  type FrontendFeatureSource,
  type RuntimeFrontendFeature,
} from './runtime/frontend-feature-source.js';
