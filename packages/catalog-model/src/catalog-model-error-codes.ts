import { defineErrorCodes } from '@atrium/errors';

/** Every code this package throws (when registering kinds), one line each. */
export const catalogModelErrorCodes = defineErrorCodes({
  CATALOG_MODEL_INVALID_KIND:
    "A kind definition has a bad kind name or apiVersion, or none; fix it as the message says (e.g. 'Widget', 'example.com/v1').",
  CATALOG_MODEL_INVALID_KIND_SCHEMA:
    "A kind's spec schema is not valid JSON Schema or does not compile; fix the schema.",
  CATALOG_MODEL_DUPLICATE_KIND:
    'A kind is registered twice (same apiVersion, or a name differing only in case); use a new apiVersion or extendKind.',
  CATALOG_MODEL_UNKNOWN_KIND: 'extendKind names a kind that is not registered; register the kind first.',
});

/** A code this package throws. */
export type CatalogModelErrorCode = keyof typeof catalogModelErrorCodes;
