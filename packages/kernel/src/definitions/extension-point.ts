import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../kernel-error-codes.js';
/**
 * A typed, append-only list that one plugin offers and that only the modules of that
 * plugin can add to, during their init. The plugin reads the final list in its own init.
 */
export interface ExtensionPoint<T> {
  readonly $$type: '@atrium/ExtensionPoint';
  /** Dotted id, prefixed with the owning plugin id, e.g. `catalog.processors`. */
  readonly id: string;
  /** Type carrier only; never set at runtime. */
  readonly T?: T;
}

/** What a module receives for an extension point: it can only add. */
export interface ExtensionPointWriter<T> {
  add(...items: T[]): void;
}

/** The item type of an extension point. */
export type ExtensionItemOf<TPoint> = TPoint extends ExtensionPoint<infer T> ? T : never;

/** A map of named extension points, as in a manifest's `extensionPoints`. */
export type ExtensionPoints = Record<string, ExtensionPoint<unknown>>;

/** What a plugin's init receives: the final, read-only lists. */
export type ExtensionLists<TPoints extends ExtensionPoints> = {
  readonly [K in keyof TPoints]: readonly ExtensionItemOf<TPoints[K]>[];
};

/** What a module's init receives: writers. */
export type ExtensionWriters<TPoints extends ExtensionPoints> = {
  readonly [K in keyof TPoints]: ExtensionPointWriter<ExtensionItemOf<TPoints[K]>>;
};

const pointPattern = /^[a-z][a-z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

/**
 * Declares an extension point.
 *
 * @example
 * export const catalogProcessorsPoint = defineExtensionPoint<CatalogProcessor>({ id: 'catalog.processors' });
 */
export function defineExtensionPoint<T>(options: { id: string }): ExtensionPoint<T> {
  if (!pointPattern.test(options.id)) {
    throw new AtriumError(
      kernelErrorCodes.KERNEL_INVALID_EXTENSION_POINT_ID,
      `extension point id '${options.id}' is not valid. An extension point id is '<plugin id>.<name>' in lowercase, such as 'catalog.processors'; rename it`,
      { details: { pointId: options.id } },
    );
  }
  return { $$type: '@atrium/ExtensionPoint', id: options.id };
}
