import type { KindDefinition, KindExtension } from '@atrium/catalog-model';
import { defineExtensionPoint } from '@atrium/kernel';
import type { CatalogProcessor } from './catalog-processor.js';
import type { EntityProvider } from './entity-provider.js';

/** What a module contributes to the catalog's kinds: a new kind, or spec fields of one. */
export type CatalogKindContribution =
  | { register: KindDefinition }
  | { extend: string; extension: KindExtension };

/**
 * Processors that run in the catalog's pipeline.
 *
 * @example
 * export const tierModule = defineModule({ plugin: 'catalog', id: 'tier', deps: {},
 *   extensionPoints: { processors: catalogProcessorsPoint },
 *   init({ extensions }) { extensions.processors.add(tierProcessor); } });
 */
export const catalogProcessorsPoint = defineExtensionPoint<CatalogProcessor>({ id: 'catalog.processors' });

/** Entity providers that feed the catalog (full and delta mutations). */
export const catalogProvidersPoint = defineExtensionPoint<EntityProvider>({ id: 'catalog.providers' });

/**
 * Kinds a module registers or extends, in the catalog-model kind registry.
 *
 * @example
 * extensions.kinds.add({ extend: 'Component', extension: { properties: { tier: { enum: ['1', '2'] } } } });
 */
export const catalogKindsPoint = defineExtensionPoint<CatalogKindContribution>({ id: 'catalog.kinds' });
