import { defineErrorCodes } from '@atrium/errors';

/** Every code the test kit throws, one line each. */
export const testKitErrorCodes = defineErrorCodes({
  TEST_KIT_EXTENSION_UNRENDERABLE:
    'renderExtension could not render the extension as an app would (the app reported problems, named in the message); fix them in the test setup.',
});
