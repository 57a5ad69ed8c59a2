import {
  coreExtensionData,
  defineBlueprint,
  defineExtensionInput,
  type ElementLoader,
  lazyElement,
} from '@atrium/web-kernel';
import { z } from 'zod';
import {
  type EntityFilter,
  entityExtensionData,
  entityFilterSpecSchema,
  toEntityPredicate,
} from './entity-filter.js';

/** Parameters of {@link EntityCardBlueprint}. */
export interface EntityCardParams {
  loader: ElementLoader;
  /** Show the card only for some entities, e.g. `{ kind: 'API' }` or a predicate. */
  filter?: EntityFilter;
}

/** The input entity tabs such as the overview offer for cards; entity cards fit it. */
export const entityCardsInput = defineExtensionInput({
  element: coreExtensionData.reactElement,
  filter: entityExtensionData.filter,
});

/**
 * A card on an entity tab, by default the catalog's overview (`entity-tab:catalog/overview`,
 * input `cards`). Config: `filter` (`{ kind, type }`, replacing the code's filter).
 *
 * @example
 * EntityCardBlueprint.make({
 *   name: 'api-definition',
 *   params: { filter: { kind: 'API' }, loader: () => import('./card.js').then((m) => <m.ApiDefinitionCard />) },
 * });
 */
export const EntityCardBlueprint = defineBlueprint({
  kind: 'entity-card',
  attachTo: { id: 'entity-tab:catalog/overview', input: 'cards' },
  output: { element: coreExtensionData.reactElement, filter: entityExtensionData.filter },
  config: z.object({ filter: entityFilterSpecSchema.optional() }),
  factory: (params: EntityCardParams, { config }) => ({
    element: lazyElement(params.loader),
    filter: toEntityPredicate(config.filter ?? params.filter),
  }),
});
