import { AtriumError } from '@atrium/errors';
import { catalogModelErrorCodes } from './catalog-model-error-codes.js';
import type { KindDefinition } from './define-kind.js';

/**
 * Throws `AtriumError` [CATALOG_MODEL_DUPLICATE_KIND] when a kind clashes with a registered
 * one: the same name in another case, or the same name and a shared apiVersion.
 */
export function assertUniqueKind(kind: KindDefinition, registered: readonly KindDefinition[]): void {
  for (const other of registered) assertNoClash(kind, other);
}

function assertNoClash(kind: KindDefinition, other: KindDefinition): void {
  if (kind.kind.toLowerCase() !== other.kind.toLowerCase()) return;
  if (kind.kind !== other.kind) {
    throw new AtriumError(
      catalogModelErrorCodes.CATALOG_MODEL_DUPLICATE_KIND,
      `kind '${kind.kind}' differs only in case from the registered kind '${other.kind}'; refs compare kinds case-insensitively, so use '${other.kind}'`,
      { details: { kind: kind.kind, registered: other.kind } },
    );
  }
  const shared = kind.apiVersions.find((apiVersion) => other.apiVersions.includes(apiVersion));
  if (shared) {
    throw new AtriumError(
      catalogModelErrorCodes.CATALOG_MODEL_DUPLICATE_KIND,
      `kind '${kind.kind}' with apiVersion '${shared}' is already registered; use a new apiVersion, or extendKind('${kind.kind}', ...) to add spec fields`,
      { details: { kind: kind.kind, apiVersion: shared } },
    );
  }
}
