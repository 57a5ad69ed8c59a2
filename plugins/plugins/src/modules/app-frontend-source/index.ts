import { appFrontendSourceModule } from './app-frontend-source-module.js';

export { appFrontendSourceModule };

/** The module, for `backend.features: ['@atrium/app/backend', '@atrium/plugins/app-frontend-source']`. */
export default appFrontendSourceModule;
