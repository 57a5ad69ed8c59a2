import { createCatalogClient } from '@atrium/catalog/common';
import { type CatalogApi, catalogApiRef, EntityProvider } from '@atrium/catalog/frontend';
import { type RenderedExtension, renderExtension } from '@atrium/test-kit/frontend';
import { PageBlueprint } from '@atrium/web-kernel';
import { configure } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
} from '../../backend/__fixtures__/scorecards-backend.js';
import { createScorecardsClient } from '../../common/index.js';
import { type ScorecardsApi, scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { scorecardsPage } from '../plugin.js';

const groupYaml = (name: string, children: string[] = []) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${name} }\nspec: { type: team, children: ${JSON.stringify(children)} }\n`;

// team-a owns shop (Silver: README, Node 20), legacy (Bronze: Node 18, no README) and lab
// (not certified: experimental); its sub-team team-b owns billing (Bronze).
const tree = {
  'teams/team-a/catalog-info.yaml': groupYaml('team-a', ['team-b']),
  'teams/team-b/catalog-info.yaml': groupYaml('team-b'),
  'shop/catalog-info.yaml': componentYaml('shop'),
  'shop/README.md': '# Shop\n',
  'shop/package.json': JSON.stringify({ name: 'shop', engines: { node: '>=20.19' } }),
  'legacy/catalog-info.yaml': componentYaml('legacy'),
  'legacy/package.json': JSON.stringify({ name: 'legacy', engines: { node: '18.x' } }),
  'lab/catalog-info.yaml': componentYaml('lab', { lifecycle: 'experimental' }),
  'billing/catalog-info.yaml': componentYaml('billing', { owner: 'team-b' }),
};
const components = ['teams/team-a', 'teams/team-b', 'shop', 'legacy', 'lab', 'billing'];

/** A real catalog + scorecards backend with the UI's clients, signed in as alice (member of platform). */
export interface ScorecardsUi {
  backend: ScorecardsBackend;
  scorecards: ScorecardsApi;
  catalog: CatalogApi;
  /** Renders the scorecards page (its router) at `path`, e.g. `/scorecards/checks/new`. */
  renderPage(path: string): RenderedExtension;
  /** Renders an entity's Scorecards tab as the entity page would. */
  renderEntityTab(entityRef: string, tab: ReactElement): Promise<RenderedExtension>;
  stop(): Promise<void>;
}

function fetchAs(token: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
}

async function firstEvaluation(scorecards: ScorecardsApi): Promise<void> {
  // 404 until the catalog has read the entity.
  const stateOf = (name: string, checkId: string) =>
    scorecards
      .getResults({ query: { entityRef: `component:default/${name}` } })
      .then(({ results }) => results.find((r) => r.checkId === checkId)?.state)
      .catch(() => undefined);
  await eventually(
    async () =>
      (await stateOf('shop', 'node-20')) === 'passed' &&
      (await stateOf('legacy', 'node-20')) === 'failed' &&
      (await stateOf('billing', 'has-owner')) === 'passed'
        ? true
        : undefined,
    'the first collection and evaluation',
    60_000,
  );
}

/**
 * Starts the backend (in-memory SQLite), waits for the first evaluation, and points
 * happy-dom's location at it so relative links resolve.
 */
export async function startScorecardsUi(): Promise<ScorecardsUi> {
  // Every screen waits for a real backend (on a shared, loaded machine), not a stub.
  configure({ asyncUtilTimeout: 10_000 });
  const backend = await startScorecardsBackend({ tree, components });
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(backend.url);
  const options = { fetch: fetchAs(backend.token) };
  const scorecards = createScorecardsClient({ ...options, baseUrl: () => `${backend.url}/api/scorecards` });
  const catalog = createCatalogClient({ ...options, baseUrl: () => `${backend.url}/api/catalog` });
  await firstEvaluation(scorecards);
  const apis = [
    [scorecardsApiRef, scorecards],
    [catalogApiRef, catalog],
  ] as const;
  return {
    backend,
    scorecards,
    catalog,
    renderPage: (path) =>
      renderExtension(scorecardsPage, {
        apis,
        pluginId: 'scorecards',
        routePath: '/scorecards',
        initialPath: path,
      }),
    async renderEntityTab(entityRef, tab) {
      const [entity] = (await catalog.getEntitiesByRefs({ body: { entityRefs: [entityRef] } })).items;
      if (!entity) throw new Error(`no entity '${entityRef}' in the test catalog`);
      const page = PageBlueprint.make({
        name: 'entity-host',
        params: { path: '/', loader: async () => <EntityProvider entity={entity}>{tab}</EntityProvider> },
      });
      return renderExtension(page, { apis, pluginId: 'scorecards' });
    },
    stop: () => backend.stop(),
  };
}
