import { defineErrorCodes } from '@atrium/errors';

/** Every code the app plugin throws (all at startup), one line each. */
export const appErrorCodes = defineErrorCodes({
  APP_BUNDLE_NOT_FOUND:
    'The web app package (app.packageName) is not installed or has no built index.html; npm install and build it, or set app.bundleDir.',
  APP_BUNDLE_BUILD_FAILED:
    "Building the missing web app bundle failed; run 'npm run build' in the web app package.",
  APP_FEATURE_NOT_FOUND:
    'A package listed in app.features is not installed or the folder does not exist; npm install it or fix the entry.',
  APP_FEATURE_NO_BUNDLE:
    "A package listed in app.features declares no frontend bundle (package.json 'atrium.frontend'); built-in plugins need no entry.",
  APP_FEATURE_NOT_BUILT:
    "The frontend bundle a package in app.features declares does not exist; run 'npm run build' in that package.",
  APP_FEATURE_UNRESOLVED_IMPORT:
    "A frontend bundle imports a module the web app does not share; rebuild it with 'atrium plugin build', which bundles the others.",
  APP_FEATURE_BUNDLE_TOO_LARGE:
    "A frontend bundle's folder holds more than 50 MB; point 'atrium.frontend' at a folder holding only the built bundle.",
  APP_SHARED_MODULES_MISSING:
    'app.features lists bundles but the web app was built without shared-modules.json; rebuild the web app (npm run build).',
  APP_INDEX_WITHOUT_CONFIG_TAG:
    'The built index.html has no <script type="application/json" id="atrium-config"> tag; rebuild it from the app template.',
});

/** A code the app plugin throws. */
export type AppErrorCode = keyof typeof appErrorCodes;
