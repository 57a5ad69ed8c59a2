import { defineErrorCodes } from '@atrium/errors';

/** Every code `atrium plugin build` throws, one line each. */
export const pluginBuildErrorCodes = defineErrorCodes({
  PLUGIN_BUILD_NOT_A_PACKAGE: 'The folder has no package.json; run atrium plugin build in a plugin package.',
  PLUGIN_BUILD_NO_FRONTEND_SOURCE:
    "package.json declares 'atrium.frontend' but no './frontend' export names its source; add one as 'atrium new plugin' does.",
  PLUGIN_BUILD_BAD_FRONTEND_PATH:
    "'atrium.frontend' must name a .js file in a build folder of the package, such as './dist/web/index.js'.",
  PLUGIN_BUILD_FRONTEND_FAILED:
    'The frontend bundle did not build; the message lists each error with its file and line.',
  PLUGIN_BUILD_NO_MANIFEST:
    "The built backend entry's default export is not a plugin or module, so the 'atrium' field cannot be written.",
});
