import { AtriumError } from '@atrium/errors';
import { catalogModelErrorCodes } from './catalog-model-error-codes.js';
import { isValidApiVersion, isValidKind } from './field-validators.js';

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** A catalog kind: its name, the apiVersions it accepts and the JSON Schema of its `spec`. */
export type KindDefinition = {
  /** The kind as written in descriptors, e.g. `Component`; matched case-sensitively. */
  kind: string;
  /** Accepted apiVersions, e.g. `['backstage.io/v1alpha1', 'backstage.io/v1beta1']`. */
  apiVersions: readonly string[];
  /** JSON Schema (draft-07) that `spec` must satisfy. */
  schema: JsonSchema;
  /** Whether the entity must have a `spec` at all; defaults to true (as for every built-in kind). */
  requireSpec?: boolean;
  /** One line on what entities of this kind describe. */
  description?: string;
};

/** Extra `spec` fields that a plugin adds to an existing kind. */
export type KindExtension = {
  /** JSON Schema of each added (or further constrained) spec field. */
  properties: Record<string, JsonSchema>;
  /** Fields that become required. */
  required?: readonly string[];
};

/**
 * Declares a kind for {@link KindRegistry.registerKind}. Checks the kind name and the
 * apiVersions at definition time and throws `AtriumError` [CATALOG_MODEL_INVALID_KIND]
 * when one is malformed.
 *
 * @example
 * export const widgetKind = defineKind({
 *   kind: 'Widget',
 *   apiVersions: ['widgets.example.com/v1'],
 *   schema: { type: 'object', required: ['owner'], properties: { owner: { type: 'string', minLength: 1 } } },
 * });
 */
export function defineKind(definition: KindDefinition): KindDefinition {
  if (!isValidKind(definition.kind)) {
    throw new AtriumError(
      catalogModelErrorCodes.CATALOG_MODEL_INVALID_KIND,
      `kind '${definition.kind}' is not a valid kind name; use 1-63 letters and digits starting with a letter, e.g. 'Widget'`,
      { details: { kind: definition.kind } },
    );
  }
  if (definition.apiVersions.length === 0) {
    throw new AtriumError(
      catalogModelErrorCodes.CATALOG_MODEL_INVALID_KIND,
      `kind '${definition.kind}' lists no apiVersions; give at least one`,
      {
        details: { kind: definition.kind },
      },
    );
  }
  for (const apiVersion of definition.apiVersions) {
    if (isValidApiVersion(apiVersion)) continue;
    throw new AtriumError(
      catalogModelErrorCodes.CATALOG_MODEL_INVALID_KIND,
      `kind '${definition.kind}' lists apiVersion '${apiVersion}', which is not valid; use [dns-prefix/]version, e.g. 'example.com/v1'`,
      { details: { kind: definition.kind, apiVersion } },
    );
  }
  return Object.freeze({ ...definition, apiVersions: Object.freeze([...definition.apiVersions]) });
}
