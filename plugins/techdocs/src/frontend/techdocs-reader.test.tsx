// @vitest-environment happy-dom

import { renderExtension } from '@atrium/test-kit/frontend';
import { cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentedEntity, Site } from '../common/index.js';
import { type TechDocsApi, techdocsApiRef } from './api/techdocs-client.js';
import { techdocsWebPlugin } from './plugin.js';

// The first test also loads the lazy page chunks.
configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

const site: Site = {
  entityRef: 'component:default/shop',
  siteName: 'Shop docs',
  siteDescription: 'How the shop works',
  status: 'built',
  buildTimestamp: 1_700_000_000_000,
  log: [
    'Reading docs',
    "warning: mkdocs.yml: plugin 'awesome-pages' is not supported by Atrium's builder; it was ignored",
  ],
  error: null,
  nav: [
    { title: 'Home', path: 'index' },
    { title: 'Guide', children: [{ title: 'Setup', path: 'guide/setup' }] },
  ],
  pages: [
    {
      path: 'index',
      title: 'Shop',
      toc: [{ id: 'architecture', title: 'Architecture', level: 2 }],
      editUrl: 'https://github.com/acme/shop/edit/main/docs/index.md',
      text: 'Shop Architecture',
    },
    {
      path: 'guide/setup',
      title: 'Setup',
      toc: [{ id: 'ports', title: 'Ports', level: 2 }],
      text: 'Setup Ports The shop listens on port 7007',
    },
  ],
  version: 'latest',
  versions: ['latest'],
};

const html: Record<string, string> = {
  index:
    '<h1 id="shop">Shop</h1><h2 id="architecture">Architecture</h2><p>See <a href="/docs/default/component/shop/guide/setup" data-techdocs-page="guide/setup">setup</a>.</p>',
  'guide/setup': '<h1 id="setup">Setup</h1><h2 id="ports">Ports</h2><p>The shop listens on port 7007.</p>',
};

const entities: DocumentedEntity[] = [
  {
    entityRef: 'component:default/shop',
    kind: 'component',
    namespace: 'default',
    name: 'shop',
    title: 'Shop',
    description: 'Sells things',
    owner: 'team-a',
    siteName: 'Shop docs',
    status: 'built',
    buildTimestamp: 1,
  },
  {
    entityRef: 'component:default/payments',
    kind: 'component',
    namespace: 'default',
    name: 'payments',
    title: 'Payments',
    description: 'Takes money',
    owner: 'team-b',
    siteName: 'Payments docs',
    status: 'built',
    buildTimestamp: 1,
  },
];

function stubApi(): TechDocsApi & { syncs: number } {
  const api = {
    syncs: 0,
    getSite: async () => site,
    listEntities: async () => entities,
    getPageHtml: async (_entity: unknown, path: string) => html[path] ?? '',
    getImageDataUrl: async () => undefined,
    async sync(_entity: unknown, onLog: (line: string) => void) {
      api.syncs++;
      onLog('Building');
      return { updated: false };
    },
  };
  return api;
}

const page = techdocsWebPlugin.extensions.find((e) => e.kind === 'page');

function renderDocs(path: string, api = stubApi()) {
  if (!page) throw new Error('the techdocs plugin has no page');
  renderExtension(page, { apis: [[techdocsApiRef, api]], routePath: '/docs', initialPath: path });
  return api;
}

describe('the docs reader', () => {
  it('shows the nav, the page, its TOC and the edit link, and switches pages', async () => {
    renderDocs('/docs/default/component/shop');
    const nav = await screen.findByRole('navigation', { name: 'Docs navigation' });
    expect(within(nav).getByText('Home')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Architecture' })).toBeTruthy();
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(toc).getByRole('link', { name: 'Architecture' }).getAttribute('href')).toBe(
      '#architecture',
    );
    expect(screen.getByRole('link', { name: 'Edit this page' }).getAttribute('href')).toBe(
      site.pages[0]?.editUrl,
    );
    fireEvent.click(within(nav).getByText('Setup'));
    expect(await screen.findByText('The shop listens on port 7007.')).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'On this page' })).getByText('Ports')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Edit this page' })).toBeNull();
  });

  it('follows links between pages inside the reader', async () => {
    renderDocs('/docs/default/component/shop/index');
    fireEvent.click(await screen.findByRole('link', { name: 'setup' }));
    expect(await screen.findByText('The shop listens on port 7007.')).toBeTruthy();
  });

  it('searches the pages of the site', async () => {
    renderDocs('/docs/default/component/shop');
    fireEvent.change(await screen.findByLabelText('Search these docs'), { target: { value: '7007' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    fireEvent.click(within(results).getByText('Setup'));
    expect(await screen.findByText('The shop listens on port 7007.')).toBeTruthy();
  });

  it('shows the build status and log, and rebuilds', async () => {
    const api = renderDocs('/docs/default/component/shop');
    fireEvent.click(await screen.findByRole('button', { name: 'Show build log' }));
    expect(screen.getByLabelText('Build log').textContent).toContain(
      "plugin 'awesome-pages' is not supported",
    );
    expect(screen.getByText(/1 warnings/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild' }));
    expect(await screen.findByText('Building')).toBeTruthy();
    expect(api.syncs).toBe(1);
  });
});

function versionedApi(): TechDocsApi & { syncs: number; asked: Array<string | undefined> } {
  const api = {
    ...stubApi(),
    asked: [] as Array<string | undefined>,
    async getSite(_entity: unknown, version?: string) {
      api.asked.push(version);
      return { ...site, version: version ?? 'latest', versions: ['latest', 'v1.0.0'] };
    },
    getPageHtml: async (_entity: unknown, _path: string, version?: string) =>
      `<p>${version ? `Docs of ${version}` : 'Docs of main'}</p>`,
  };
  return api;
}

describe('the version switcher', () => {
  it('opens the version named in the URL and switches to another one', async () => {
    const api = versionedApi();
    renderDocs('/docs/default/component/shop/index?version=v1.0.0', api);
    expect(await screen.findByText('Docs of v1.0.0')).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Version' }));
    fireEvent.click(await screen.findByRole('option', { name: 'latest' }));
    expect(await screen.findByText('Docs of main')).toBeTruthy();
    expect(api.asked).toEqual(['v1.0.0', undefined]);
  });

  it('is not shown when only the default version was built', async () => {
    renderDocs('/docs/default/component/shop');
    await screen.findByRole('navigation', { name: 'Docs navigation' });
    expect(screen.queryByRole('combobox', { name: 'Version' })).toBeNull();
  });
});

describe('the docs index', () => {
  it('lists documented entities and filters them', async () => {
    renderDocs('/docs');
    const table = await screen.findByRole('table', { name: 'Documented entities' });
    expect(within(table).getByRole('link', { name: 'Shop docs' }).getAttribute('href')).toBe(
      '/docs/default/component/shop',
    );
    fireEvent.change(screen.getByLabelText('Filter docs'), { target: { value: 'money' } });
    expect(within(table).queryByText('Shop docs')).toBeNull();
    expect(within(table).getByText('Payments docs')).toBeTruthy();
  });
});
