import { defineErrorCodes } from '@atrium/errors';

/**
 * Every code the web kernel raises, one line each: the app diagnostics `createApp` reports
 * while building the extension tree (WEB_EXTENSION_*, WEB_APP_CONFIG_*, WEB_API_DUPLICATE), the
 * problems `loadFeatureBundles` reports (WEB_FEATURE_*)
 * and the errors it throws.
 */
export const webKernelErrorCodes = defineErrorCodes({
  // Diagnostics: the app still renders, without the extension at fault.
  WEB_EXTENSION_INVALID_ID:
    "A plugin declares an extension with no id or kind; give it a 'kind' (and 'name') or an 'id'.",
  WEB_EXTENSION_DUPLICATE_ID:
    'Two plugins declare the same extension id; the first is kept. Rename one or leave one out.',
  WEB_EXTENSION_MISSING_PARENT:
    "An extension attaches to an extension that is not installed; add its plugin or change 'attachTo'.",
  WEB_EXTENSION_UNKNOWN_INPUT:
    "An extension attaches to an input its parent does not have; use one of the parent's inputs.",
  WEB_EXTENSION_INPUT_DATA_MISSING:
    'An extension attaches to an input needing data it does not output; use the blueprint for that input.',
  WEB_EXTENSION_SINGLETON_CONFLICT:
    'Several extensions attach to an input taking one; the first is used. Disable the others.',
  WEB_EXTENSION_REQUIRED_INPUT_MISSING:
    'An extension needs one extension in an input but none is attached; install or enable one.',
  WEB_EXTENSION_INVALID_CONFIG:
    "An extension's config in app.extensions does not fit its schema (or it takes none); fix the entry.",
  WEB_EXTENSION_FACTORY_FAILED: "An extension's factory threw; it is left out. The cause says why.",
  WEB_EXTENSION_OUTPUT_MISSING:
    "An extension's factory did not return a declared output; return it or mark the ref optional.",
  WEB_EXTENSION_ATTACHMENT_CYCLE:
    "Extensions attach to each other in a cycle and are unreachable; fix their 'attachTo'.",
  WEB_APP_CONFIG_INVALID_ENTRY:
    "An app.extensions entry has a bad shape or keys; use 'attachTo', 'config' and 'disabled'.",
  WEB_APP_CONFIG_UNKNOWN_EXTENSION:
    'An app.extensions entry names an extension no installed plugin declares; check the id.',
  WEB_API_DUPLICATE: 'Two extensions provide the same API; the first is used. Disable one in app.extensions.',
  WEB_FEATURE_LOAD_FAILED:
    'A feature bundle listed in app.features failed to load; it is left out. Rebuild its package and restart.',
  WEB_FEATURE_INVALID:
    'A feature bundle listed in app.features exports no web plugin; export one made with defineWebPlugin.',
  // Thrown
  WEB_API_MISSING:
    'A utility API is used that no extension provides; install the plugin or add an ApiBlueprint for it.',
  WEB_API_CYCLE:
    'Utility API factories depend on each other in a cycle; remove one of the dependencies named.',
  WEB_API_NO_PROVIDER:
    'useApi was called outside the app (no ApiProvider); render inside createApp or an ApiProvider.',
  WEB_CONFIG_MISSING:
    'A frontend config key is missing or not a string; set it in app-config.yaml with frontend visibility.',
  WEB_AUTH_INVALID_RESPONSE:
    'The auth backend answered sign-in or its provider list in an unexpected shape; check the auth plugin.',
  WEB_AUTH_SIGN_IN_FAILED:
    'A redirect sign-in (OIDC, GitHub) failed or was refused; the message says why (e.g. no catalog User matched).',
  WEB_NO_ROOT_ELEMENT:
    'index.html has no element with id \'root\' for the app to render into; add <div id="root">.',
});

/** A code the web kernel raises. */
export type WebKernelErrorCode = keyof typeof webKernelErrorCodes;
