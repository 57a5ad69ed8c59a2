import { defineErrorCodes } from '@atrium/errors';

/** Every code the app plugin throws (all at startup), one line each. */
export const appErrorCodes = defineErrorCodes({
  APP_BUNDLE_NOT_FOUND:
    'The web app package (app.packageName) is not installed or has no built index.html; npm install and build it, or set app.bundleDir.',
  APP_BUNDLE_BUILD_FAILED:
    "Building the missing web app bundle failed; run 'npm run build' in the web app package.",
  APP_INDEX_WITHOUT_CONFIG_TAG:
    'The built index.html has no <script type="application/json" id="atrium-config"> tag; rebuild it from the app template.',
});

/** A code the app plugin throws. */
export type AppErrorCode = keyof typeof appErrorCodes;
