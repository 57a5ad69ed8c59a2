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

/** Parameters of {@link EntityTabBlueprint}. */
export interface EntityTabParams {
  /** Path below the entity page, e.g. `/api` or `/scorecards`. */
  path: string;
  title: string;
  loader: ElementLoader;
  /** Show the tab only for some entities, e.g. `{ kind: 'API' }`. */
  filter?: EntityFilter;
}

/** The input the catalog's entity page offers for tabs; entity tabs fit it. */
export const entityTabsInput = defineExtensionInput({
  path: coreExtensionData.routePath,
  title: entityExtensionData.title,
  element: coreExtensionData.reactElement,
  filter: entityExtensionData.filter,
});

/**
 * A tab of the catalog's entity page (`page:catalog/entity`, input `tabs`), loaded on
 * first view. Config: `path`, `title`, `filter` (`{ kind, type }`, replacing the code's filter).
 *
 * @example
 * EntityTabBlueprint.make({
 *   name: 'scorecards',
 *   params: { path: '/scorecards', title: 'Scorecards', loader: () => import('./tab.js').then((m) => <m.ScorecardTab />) },
 * });
 */
export const EntityTabBlueprint = defineBlueprint({
  kind: 'entity-tab',
  attachTo: { id: 'page:catalog/entity', input: 'tabs' },
  output: {
    path: coreExtensionData.routePath,
    title: entityExtensionData.title,
    element: coreExtensionData.reactElement,
    filter: entityExtensionData.filter,
  },
  config: z.object({
    path: z.string().startsWith('/').optional(),
    title: z.string().min(1).optional(),
    filter: entityFilterSpecSchema.optional(),
  }),
  factory: (params: EntityTabParams, { config }) => ({
    path: config.path ?? params.path,
    title: config.title ?? params.title,
    element: lazyElement(params.loader),
    filter: toEntityPredicate(config.filter ?? params.filter),
  }),
});
