import { defineErrorCodes } from '@atrium/errors';

/**
 * The catalog's own error codes, one line each. Request errors are the domain errors
 * (InputError, NotFoundError, ConflictError...) with their common codes.
 */
export const catalogErrorCodes = defineErrorCodes({
  CATALOG_UNKNOWN_PERMISSION_RULE:
    'A conditional permission decision names a rule the catalog does not have (a 500); fix the permission policy.',
  CATALOG_ENTITY_CONTEXT_MISSING:
    'useEntity was called outside an entity page (no EntityProvider); render it inside an entity tab or card, or an EntityProvider.',
  CATALOG_API_DEFINITION_INVALID:
    "An API entity's spec.definition is not an OpenAPI 3 or Swagger 2 document; fix the definition.",
});

/** A code of the catalog. */
export type CatalogErrorCode = keyof typeof catalogErrorCodes;
