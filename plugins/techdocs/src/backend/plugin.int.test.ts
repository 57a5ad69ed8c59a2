import { CATALOG_EVENT_TOPICS } from '@atrium/catalog/common';
import { coreServices, definePlugin, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import {
  type CapturedLog,
  createCaptureLogger,
  createTestDatabase,
  mockServices,
  type TestDatabase,
  testDatabaseKinds,
} from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  componentYaml,
  type DocsBackend,
  startDocsBackend,
  waitForEntity,
  writeTree,
} from './__fixtures__/docs-backend.js';
import { FOLLOW_CATALOG_DEBOUNCE_MS } from './follow-catalog.js';

const MALLORY = 'user:default/mallory';
const READER_ONLY = 'user:default/no-docs';
// mallory may read no entity; no-docs may read entities but not their docs.
const policy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const user = credentials.principal.type === 'user' ? credentials.principal.userEntityRef : undefined;
    if (user === MALLORY && permission.name === 'catalog.entity.read') return { result: 'DENY' };
    if (user === READER_ONLY && permission.name === 'techdocs.entity.read') return { result: 'DENY' };
    return { result: 'ALLOW' };
  },
};

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const shop = {
  'shop/catalog-info.yaml': componentYaml('shop'),
  'shop/mkdocs.yml': [
    'site_name: Shop docs',
    'site_description: How the shop works',
    'repo_url: https://github.com/acme/shop',
    'nav:',
    '  - Home: index.md',
    '  - Guide:',
    '      - Setup: guide/setup.md',
    '      - Gone: guide/gone.md',
    'plugins:',
    '  - techdocs-core',
    '  - awesome-pages',
    '',
  ].join('\n'),
  'shop/docs/index.md':
    '# Shop\n\n!!! note "Read me"\n    Start with [setup](guide/setup.md).\n\n## Architecture\n\n![arch](images/arch.png)\n\n```mermaid\ngraph TD; A-->B;\n```\n\n<script>window.pwned = 1</script>\n\n[up](../../secrets.md)\n',
  'shop/docs/guide/setup.md': '# Setup\n\n```ts\nconst port = 7007;\n```\n',
  'shop/docs/images/arch.png': PNG,
  // 50 MB: over the default limit of a published file, so left out with a warning.
  'shop/docs/images/huge.png': Buffer.alloc(50_000_000),
};

const broken = {
  'no-config/catalog-info.yaml': componentYaml('no-config'),
  'no-config/docs/index.md': '# Hi\n',
  'bad-yaml/catalog-info.yaml': componentYaml('bad-yaml'),
  'bad-yaml/mkdocs.yml': 'site_name: [oops\n',
  'bad-yaml/docs/index.md': '# Hi\n',
  'outside/catalog-info.yaml': componentYaml('outside', { 'backstage.io/techdocs-ref': 'dir:../../..' }),
  'remote/catalog-info.yaml': componentYaml('remote', {
    'backstage.io/techdocs-ref': 'url:https://docs.evil.example/shop/',
  }),
  'plain/catalog-info.yaml': componentYaml('plain', { 'acme.example/team': 'a' }),
};

/**
 * Follows the docs refresh that a burst of catalog upserts triggers: like followCatalog,
 * a burst starts with an upsert while no trigger is pending and fires the debounce later;
 * its refresh is over once a refresh has logged after that moment.
 */
function watchCatalogRefresh() {
  let triggerAt: number | undefined;
  const refreshedAt: number[] = [];
  const lines: CapturedLog[] = [];
  lines.push = (...added: CapturedLog[]) => {
    if (added.some((line) => line.message.startsWith('docs refresh:'))) refreshedAt.push(Date.now());
    return Array.prototype.push.apply(lines, added);
  };
  const upserts = definePlugin({
    id: 'test-upserts',
    deps: { events: coreServices.events },
    async init({ deps }) {
      await deps.events.subscribe({
        id: 'test-upserts',
        topics: [CATALOG_EVENT_TOPICS.entityUpserted],
        onEvent() {
          if (triggerAt === undefined || Date.now() >= triggerAt)
            triggerAt = Date.now() + FOLLOW_CATALOG_DEBOUNCE_MS;
        },
      });
    },
  });
  const isOver = () => triggerAt !== undefined && refreshedAt.some((at) => at >= triggerAt!);
  return {
    features: [upserts, mockServices.rootLogger(createCaptureLogger(lines))],
    async refreshed(): Promise<void> {
      for (const started = Date.now(); !isOver(); await new Promise((resolve) => setTimeout(resolve, 25))) {
        if (Date.now() - started > 20_000) throw new Error('no docs refresh followed the catalog upserts');
      }
    },
  };
}

describe.each(testDatabaseKinds())('techdocs on %s', (kind) => {
  let database: TestDatabase;
  let docs: DocsBackend;
  const refresh = watchCatalogRefresh();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    docs = await startDocsBackend({
      components: ['shop', 'no-config', 'bad-yaml', 'outside', 'remote', 'plain'],
      tree: { ...shop, ...broken },
      database: database.config,
      features: [
        defineServiceFactory({ service: coreServices.permissionPolicy, deps: {}, factory: () => policy }),
        ...refresh.features,
      ],
    });
    for (const name of ['shop', 'no-config', 'bad-yaml', 'outside', 'remote', 'plain'])
      await waitForEntity(docs, 'component', name);
  }, 120_000);
  afterAll(async () => {
    await docs?.stop();
    await database?.cleanup();
  });

  it('builds a site through /sync, streaming log lines and finish', async () => {
    const events = await docs.sync('default/component/shop');
    expect(events[0]).toEqual({
      event: 'log',
      data: 'Build of the docs of component:default/shop requested',
    });
    expect(events.at(-1)).toEqual({ event: 'finish', data: { updated: true } });
    const log = events.filter((e) => e.event === 'log').map((e) => e.data as string);
    expect(log).toContain(
      "warning: mkdocs.yml: plugin 'awesome-pages' is not supported by Atrium's builder; it was ignored",
    );
    expect(log).toContain(
      "warning: mkdocs.yml: nav entry 'Gone' points at 'guide/gone.md', which is not in the docs folder; it was left out",
    );
    expect(log).toContain(
      "warning: index.md: link '../../secrets.md' leads outside the docs folder; it was removed",
    );
    expect(log.find((l) => l.includes('huge.png'))).toMatch(
      /^warning: images\/huge\.png: .*limit.*; it was not published$/,
    );
  });

  it('serves metadata, the site and sanitised pages', async () => {
    const metadata = await docs.get('/metadata/techdocs/default/component/shop');
    expect(metadata.status).toBe(200);
    expect(metadata.body).toMatchObject({ site_name: 'Shop docs', site_description: 'How the shop works' });
    expect(metadata.body.files).toEqual(['guide/setup/index.html', 'index.html']);
    const site = await docs.get('/sites/default/component/shop');
    expect(site.body.nav).toEqual([
      { title: 'Home', path: 'index' },
      { title: 'Guide', children: [{ title: 'Setup', path: 'guide/setup' }] },
    ]);
    const index = site.body.pages.find((p: { path: string }) => p.path === 'index');
    expect(index).toMatchObject({
      title: 'Shop',
      toc: [{ id: 'architecture', title: 'Architecture', level: 2 }],
      editUrl: 'https://github.com/acme/shop/edit/main/docs/index.md',
    });
    const page = await docs.get('/static/docs/default/component/shop/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain('sandbox');
    expect(page.text).toContain('<div class="admonition admonition-note">');
    expect(page.text).toContain('href="/docs/default/component/shop/guide/setup"');
    expect(page.text).toContain('<pre class="mermaid">');
    expect(page.text).not.toContain('<script');
    expect(page.text).not.toContain('pwned');
    const image = await docs.get('/static/docs/default/component/shop/images/arch.png');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await docs.get('/static/docs/default/component/shop/images/huge.png')).status).toBe(404);
  });

  it('rebuilds only what changed', async () => {
    // The catalog's arrival of the entities triggers one docs refresh (debounced), which
    // rebuilds every site in the background; once it has run, this sync waits its builds
    // out, so the build after the change below is the only one that can render the changed page.
    await refresh.refreshed();
    const unchanged = await docs.sync('default/component/shop');
    expect(unchanged.at(-1)).toEqual({ event: 'finish', data: { updated: false } });
    expect(unchanged.map((e) => e.data)).toContain('2 pages, 0 rendered, 0 files removed');
    await writeTree(docs.root, { 'shop/docs/guide/setup.md': '# Setup\n\nNow on port 8080.\n' });
    const changed = await docs.sync('default/component/shop');
    expect(changed.at(-1)).toEqual({ event: 'finish', data: { updated: true } });
    expect(
      changed.map((e) => e.data),
      JSON.stringify(changed),
    ).toContain('2 pages, 1 rendered, 0 files removed');
    expect((await docs.get('/static/docs/default/component/shop/guide/setup/index.html')).text).toContain(
      'port 8080',
    );
  });

  it('lists documented entities and pages for search', async () => {
    const entities = await docs.get('/entities');
    expect(entities.body.items.map((e: { entityRef: string }) => e.entityRef)).toContain(
      'component:default/shop',
    );
    const denied = await docs.get('/collate/pages');
    expect(denied.status).toBe(403);
    const pages = await docs.get('/collate/pages?limit=1', await docs.serviceToken('techdocs'));
    expect(pages.status).toBe(200);
    expect(pages.body.items[0]).toMatchObject({
      entityRef: 'component:default/shop',
      authorization: { resourceRef: 'component:default/shop' },
    });
    const next = await docs.get(
      `/collate/pages?limit=1&after=${pages.body.nextCursor}`,
      await docs.serviceToken('techdocs'),
    );
    expect(next.body.items[0].path).not.toBe(pages.body.items[0].path);
  });

  it.each([
    ['no-config', 'the docs source has no mkdocs.yml at its root'],
    ['bad-yaml', 'mkdocs.yml is not valid YAML'],
    ['outside', 'outside'],
    ['remote', 'docs.evil.example'],
  ])('fails the build of %s with a clear error, and the rest keeps working', async (name, message) => {
    const events = await docs.sync(`default/component/${name}`);
    const last = events.at(-1);
    expect(last?.event).toBe('error');
    expect(String(last?.data)).toContain(message);
    expect((await docs.get('/static/docs/default/component/shop/index.html')).status).toBe(200);
  });

  it('answers 404 for an entity without docs and never queues a build for it', async () => {
    for (const path of [
      '/sites/default/component/plain',
      '/sync/default/component/plain',
      '/metadata/techdocs/default/component/plain',
    ])
      expect((await docs.get(path)).status).toBe(404);
    const listed = await docs.get('/entities');
    expect(listed.body.items.map((e: { name: string }) => e.name)).not.toContain('plain');
  });

  it('answers 404 for an entity the caller may not read, and 403 without techdocs.entity.read', async () => {
    const mallory = await docs.userToken(MALLORY);
    for (const path of [
      '/metadata/techdocs/default/component/shop',
      '/static/docs/default/component/shop/index.html',
      '/sites/default/component/shop',
      '/sync/default/component/shop',
    ])
      expect((await docs.get(path, mallory)).status).toBe(404);
    expect((await docs.get('/entities', mallory)).body.items).toEqual([]);
    const noDocs = await docs.userToken(READER_ONLY);
    expect((await docs.get('/static/docs/default/component/shop/index.html', noDocs)).status).toBe(403);
    expect(
      (await docs.get('/static/docs/default/component/shop/../../x', docs.token)).status,
    ).toBeGreaterThanOrEqual(400);
  });
});
