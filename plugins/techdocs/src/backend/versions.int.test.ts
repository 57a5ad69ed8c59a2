import { join } from 'node:path';
import {
  createBareRepository,
  createTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  componentYaml,
  type DocsBackend,
  startDocsBackend,
  waitForEntity,
} from './__fixtures__/docs-backend.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const APP = 'default/component/app';

// A real remote: a bare repository whose tags v1.0.0 and v2.0.0 have different docs, and
// whose main (the default version) has moved on. The catalog reads the entity from main.
function createAppRepository(root: string): void {
  createBareRepository(join(root, 'repos', 'app.git'), [
    {
      tag: 'v1.0.0',
      files: {
        'catalog-info.yaml': componentYaml('app'),
        'mkdocs.yml': 'site_name: App docs\nnav:\n  - Home: index.md\n',
        'docs/index.md': '# App\n\nRelease one of the app.\n\n![logo](logo.png)\n',
        'docs/logo.png': PNG,
      },
    },
    { tag: 'v2.0.0', files: { 'docs/index.md': '# App\n\nRelease two of the app.\n' } },
    { tag: 'other-1', files: {} },
    { files: { 'docs/index.md': '# App\n\nUnreleased work on main.\n' } },
  ]);
}

const lastOf = (events: Array<{ event: string; data: unknown }>) => events.at(-1);

describe.each(testDatabaseKinds())('techdocs versions from git refs on %s', (kind) => {
  let database: TestDatabase;
  let docs: DocsBackend;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(join(tmpdir(), 'atrium-techdocs-versions-'));
    createAppRepository(root);
    docs = await startDocsBackend({
      root,
      components: ['repos/app.git/blob/main'],
      database: database.config,
      // Two configured refs the reader refuses (a revision expression, a tag that does not exist).
      techdocs: { versions: { refs: ['main~1', 'v9.9.9'], tags: 'v*', max: 5 } },
    });
    await waitForEntity(docs, 'component', 'app');
  }, 120_000);
  afterAll(async () => {
    await docs?.stop();
    await database?.cleanup();
  });

  it('builds the default version from main and makes the configured versions due', async () => {
    const events = await docs.sync(APP);
    expect(lastOf(events)).toEqual({ event: 'finish', data: { updated: true } });
    expect(events.map((e) => e.data)).toContain('Versions: main~1, v9.9.9, v2.0.0, v1.0.0');
    const page = await docs.get(`/static/docs/${APP}/index.html`);
    expect(page.text).toContain('Unreleased work on main.');
  });

  it('builds and serves each tag with its own content; unversioned paths stay the default', async () => {
    // The default build made them due, so the queue may have built them already: updated or not.
    for (const version of ['v1.0.0', 'v2.0.0'])
      expect(lastOf(await docs.sync(`${APP}?version=${version}`))?.event).toBe('finish');
    const one = await docs.get(`/static/docs/${APP}/index.html?version=v1.0.0`);
    expect(one.status).toBe(200);
    expect(one.text).toContain('Release one of the app.');
    // Images and links of a version carry it, so the reader fetches that version's files.
    expect(one.text).toContain(`src="/api/techdocs/static/docs/${APP}/logo.png?version=v1.0.0"`);
    const logo = await docs.get(`/static/docs/${APP}/logo.png?version=v1.0.0`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect((await docs.get(`/static/docs/${APP}/index.html?version=v2.0.0`)).text).toContain(
      'Release two of the app.',
    );
    expect((await docs.get(`/static/docs/${APP}/index.html`)).text).toContain('Unreleased work on main.');
    const metadata = await docs.get(`/metadata/techdocs/${APP}?version=v2.0.0`);
    expect(metadata.body).toMatchObject({ site_name: 'App docs', files: ['index.html'] });
  });

  it('lists built versions, the default first, and says which one a site is', async () => {
    const site = await docs.get(`/sites/${APP}?version=v1.0.0`);
    expect(site.body).toMatchObject({ version: 'v1.0.0', versions: ['latest', 'v2.0.0', 'v1.0.0'] });
    expect(site.body.pages[0].text).toContain('Release one');
    expect((await docs.get(`/sites/${APP}`)).body.version).toBe('latest');
  });

  it('fails a ref the reader refuses or cannot find with a clear error; other versions keep serving', async () => {
    const refused = lastOf(await docs.sync(`${APP}?version=main~1`));
    expect(refused?.event).toBe('error');
    expect(String(refused?.data)).toContain("'main~1' is a revision expression, not a branch or tag name");
    const missing = lastOf(await docs.sync(`${APP}?version=v9.9.9`));
    expect(missing?.event).toBe('error');
    expect(String(missing?.data)).toContain("is not a folder at branch or tag 'v9.9.9'");
    const failed = await docs.get(`/sites/${APP}?version=v9.9.9`);
    expect(failed.body).toMatchObject({ status: 'failed', version: 'v9.9.9' });
    expect((await docs.get(`/sites/${APP}`)).body.versions).toEqual(['latest', 'v2.0.0', 'v1.0.0']);
    expect((await docs.get(`/static/docs/${APP}/index.html?version=v1.0.0`)).status).toBe(200);
    expect((await docs.get(`/static/docs/${APP}/index.html`)).status).toBe(200);
  });

  it('answers 404 for a version that was not configured, and never builds it on request', async () => {
    for (const path of [
      `/sites/${APP}?version=other-1`,
      `/static/docs/${APP}/index.html?version=other-1`,
      `/metadata/techdocs/${APP}?version=other-1`,
      `/sync/${APP}?version=other-1`,
    ]) {
      const answer = await docs.get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body?.error?.message ?? answer.text, path).toContain("have no version 'other-1'");
    }
    expect((await docs.get(`/sites/${APP}?version=${'x'.repeat(200)}`)).status).toBe(400);
    expect((await docs.get(`/sites/${APP}`)).body.versions).not.toContain('other-1');
  });
});
