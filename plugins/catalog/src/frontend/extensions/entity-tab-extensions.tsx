import { type ExtensionDefinition, preloadElement } from '@atrium/web-kernel';
import { entityCardsInput } from '../blueprints/entity-card-blueprint.js';
import { EntityTabBlueprint } from '../blueprints/entity-tab-blueprint.js';

/**
 * `entity-tab:catalog/overview` at `/`: processing errors and cards. Its input `cards`
 * takes `EntityCardBlueprint` extensions (the default parent of that blueprint).
 */
export const overviewTab: ExtensionDefinition = EntityTabBlueprint.makeWithInputs({
  name: 'overview',
  inputs: { cards: entityCardsInput },
  params: ({ inputs }) => ({
    path: '/',
    title: 'Overview',
    loader: () => {
      // The cards' code downloads alongside the tab's, not after the tab has rendered.
      for (const card of inputs.cards) preloadElement(card.output.element);
      return import('../overview/overview-tab.js').then((m) => <m.OverviewTab cards={inputs.cards} />);
    },
  }),
});

/** `entity-tab:catalog/dependencies`: the relations graph. */
export const dependenciesTab: ExtensionDefinition = EntityTabBlueprint.make({
  name: 'dependencies',
  params: {
    path: '/dependencies',
    title: 'Dependencies',
    loader: () => import('../dependencies/dependencies-tab.js').then((m) => <m.DependenciesTab />),
  },
});

/** `entity-tab:catalog/api-definition`: the definition of API entities. */
export const apiDefinitionTab: ExtensionDefinition = EntityTabBlueprint.make({
  name: 'api-definition',
  params: {
    path: '/definition',
    title: 'API definition',
    filter: { kind: 'API' },
    loader: () => import('../api-definition/api-definition-tab.js').then((m) => <m.ApiDefinitionTab />),
  },
});

/** `entity-tab:catalog/raw`: the entity as YAML or JSON. */
export const rawTab: ExtensionDefinition = EntityTabBlueprint.make({
  name: 'raw',
  params: {
    path: '/raw',
    title: 'Raw',
    loader: () => import('../raw/raw-tab.js').then((m) => <m.RawTab />),
  },
});
