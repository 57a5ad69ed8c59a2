// @vitest-environment happy-dom
import {
  coreExtensionData,
  createApp,
  defineExtension,
  defineWebPlugin,
  type ExtensionInputItem,
} from '@atrium/web-kernel';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCardBlueprint, entityCardsInput } from './entity-card-blueprint.js';
import { EntityProvider, useEntity } from './entity-context.js';
import { type EntityLike, toEntityPredicate } from './entity-filter.js';
import { EntityTabBlueprint, entityTabsInput } from './entity-tab-blueprint.js';

afterEach(cleanup);

const petstore: EntityLike = { kind: 'API', metadata: { name: 'petstore' }, spec: { type: 'openapi' } };
const website: EntityLike = { kind: 'Component', metadata: { name: 'website' }, spec: { type: 'website' } };

type CardItem = ExtensionInputItem<typeof entityCardsInput.data>;

function Overview({ cards }: { cards: CardItem[] }) {
  const entity = useEntity();
  return (
    <div>
      {cards
        .filter((card) => card.output.filter(entity))
        .map((card) => (
          <div key={card.id}>{card.output.element}</div>
        ))}
    </div>
  );
}

/** A minimal entity page and overview tab exposing the inputs, to test the blueprints alone. */
function catalogPlugin(entity: EntityLike) {
  return defineWebPlugin({
    id: 'catalog',
    extensions: [
      defineExtension({
        kind: 'page',
        name: 'entity',
        attachTo: { id: 'app/layout', input: 'routes' },
        inputs: { tabs: entityTabsInput },
        output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
        factory: ({ inputs }) => {
          const tabs = inputs.tabs.filter((tab) => tab.output.filter(entity));
          return {
            path: '/entity',
            element: (
              <EntityProvider entity={entity}>
                <ul aria-label="tabs">
                  {tabs.map((tab) => (
                    <li key={tab.id}>{`${tab.output.title} ${tab.output.path}`}</li>
                  ))}
                </ul>
                {tabs.map((tab) => (
                  <section key={tab.id}>{tab.output.element}</section>
                ))}
              </EntityProvider>
            ),
          };
        },
      }),
      EntityTabBlueprint.makeWithInputs({
        name: 'overview',
        inputs: { cards: entityCardsInput },
        params: ({ inputs }) => ({
          path: '/',
          title: 'Overview',
          loader: async () => <Overview cards={inputs.cards} />,
        }),
      }),
      EntityCardBlueprint.make({ name: 'about', params: { loader: async () => <p>About card</p> } }),
    ],
  });
}

function AboutEntity() {
  return <p>{`definition of ${useEntity().metadata.name}`}</p>;
}

/** A third-party plugin that extends the catalog only through the inputs it exposes. */
const apiDocsPlugin = defineWebPlugin({
  id: 'api-docs',
  extensions: [
    EntityTabBlueprint.make({
      name: 'definition',
      params: {
        path: '/definition',
        title: 'Definition',
        filter: { kind: 'API' },
        loader: async () => <AboutEntity />,
      },
    }),
    EntityCardBlueprint.make({
      name: 'consumers',
      params: { filter: (entity) => entity.kind === 'API', loader: async () => <p>Consumers card</p> },
    }),
  ],
});

const renderEntityPage = (entity: EntityLike, extensions?: unknown[]) => {
  const app = createApp({
    features: [catalogPlugin(entity), apiDocsPlugin],
    config: extensions ? { app: { extensions } } : {},
    initialEntries: ['/entity'],
  });
  render(app.createRoot());
  return app;
};

describe('entity tabs and cards', () => {
  it('adds tabs and cards from another plugin, shown only for matching entities', async () => {
    const app = renderEntityPage(petstore);
    expect(app.diagnostics).toEqual([]);
    expect(await screen.findByText('definition of petstore')).toBeTruthy();
    expect(await screen.findByText('Consumers card')).toBeTruthy();
    expect(screen.getByText('About card')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'tabs' }).textContent).toBe('Overview /Definition /definition');
  });

  it('hides API-only tabs and cards for other kinds', async () => {
    renderEntityPage(website);
    expect(await screen.findByText('About card')).toBeTruthy();
    expect(screen.queryByText('Consumers card')).toBeNull();
    expect(screen.getByRole('list', { name: 'tabs' }).textContent).toBe('Overview /');
  });

  it('takes a filter, title and path from app config; listed extensions come first', async () => {
    renderEntityPage(website, [
      {
        'entity-tab:api-docs/definition': {
          config: { title: 'Spec', path: '/spec', filter: { type: 'website' } },
        },
      },
    ]);
    expect(await screen.findByText('definition of website')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'tabs' }).textContent).toBe('Spec /specOverview /');
  });
});

describe('toEntityPredicate', () => {
  it('matches kinds and spec types case-insensitively; no filter matches all', () => {
    expect(toEntityPredicate({ kind: 'api' })(petstore)).toBe(true);
    expect(toEntityPredicate({ kind: ['Component', 'System'] })(petstore)).toBe(false);
    expect(toEntityPredicate({ kind: 'API', type: 'graphql' })(petstore)).toBe(false);
    expect(toEntityPredicate(undefined)(website)).toBe(true);
  });
});

function Orphan() {
  useEntity();
  return null;
}

describe('useEntity', () => {
  it('fails outside an entity page, saying where to use it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Orphan />)).toThrow(/outside an entity page/);
    vi.restoreAllMocks();
  });
});
