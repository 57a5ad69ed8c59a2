import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineModule } from '@atrium/kernel';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';
import { catalogProcessorsPoint } from '../extensions/catalog-extension-points.js';

const state = { explode: false };
const explodingModule = defineModule({
  plugin: 'catalog',
  id: 'exploding',
  deps: {},
  extensionPoints: { processors: catalogProcessorsPoint },
  init({ extensions }) {
    extensions.processors.add({
      getProcessorName: () => 'ExplodingProcessor',
      async postProcessEntity(entity) {
        if (state.explode && entity.metadata.name === 'still-fine') throw new Error('kaboom');
        return entity;
      },
    });
  },
});

type StatusItem = { type: string; level: string; message: string; error: { name: string } };
const messages = (entity: { status?: { items?: StatusItem[] } }) =>
  (entity.status?.items ?? []).map((item) => item.message).join('\n');

describe.each(testDatabaseVariants())('bad input on %s', (database) => {
  let catalog: TestCatalog;
  let dir: string;
  let dup: string;
  const entity = async (ref: string) => (await catalog.get(`/entities/by-name/${ref}`)).body;

  beforeAll(async () => {
    dir = copyFixture('broken');
    dup = copyFixture('duplicates');
    writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(5000)}\nkind: Component\n`);
    // Written here: the repository's formatter would refuse a broken YAML file.
    writeFileSync(
      join(dir, 'invalid-yaml.yaml'),
      'kind: Component\nmetadata:\n  name: bad-yaml\n  tags: [java,\nspec:\n  type: service\n',
    );
    catalog = await startCatalog({
      database,
      backend: { reading: { maxBytes: 4096, allow: [] } },
      catalog: {
        locations: [
          { type: 'file', target: join(dir, 'catalog-info.yaml') },
          { type: 'file', target: join(dup, 'a/catalog-info.yaml') },
          { type: 'file', target: join(dup, 'b/catalog-info.yaml') },
        ],
      },
      features: [explodingModule],
    });
    await catalog.waitFor(async () => (await entity('location/default/remote')).status?.items?.length);
    await catalog.waitFor(async () => (await entity('location/default/loops')).status?.items?.length);
  });
  afterAll(() => catalog.stop());

  it('reports each broken file on the Location, and the rest is ingested', async () => {
    const root = messages(
      await catalog.waitFor(async () => {
        const found = await entity('location/default/broken-root');
        return (found.status?.items?.length ?? 0) >= 4 && found;
      }),
    );
    expect(root).toMatch(/YAML error in file:.*invalid-yaml\.yaml at line \d+/);
    expect(root).toMatch(/bad-tag.*invalid-entity\.yaml.*metadata\.tags\[0\] "Java" is not valid; expected/);
    expect(root).toMatch(/NotAllowedError: entity group:default\/sneaky-group .*catalog\.rules/);
    expect(root).toMatch(/big\.yaml.*over the limit of 4096.*backend\.reading\.maxBytes/);
    expect((await entity('component/default/still-fine')).metadata.name).toBe('still-fine');
    expect((await catalog.get('/entities/by-name/component/default/bad-tag')).status).toBe(404);
    expect((await catalog.get('/entities/by-name/group/default/sneaky-group')).status).toBe(404);
    const items = (await entity('location/default/broken-root')).status.items as StatusItem[];
    expect(items[0]).toMatchObject({
      type: 'backstage.io/catalog-processing',
      level: 'error',
      error: { name: expect.any(String) },
    });
  });

  it('reports a location that includes itself and a URL outside the allow-list', async () => {
    expect(messages(await entity('location/default/loops'))).toMatch(
      /location:default\/loops .*includes itself/,
    );
    expect(messages(await entity('location/default/remote'))).toMatch(
      /forbidden\.example\.com.*not in backend\.reading\.allow/,
    );
  });

  it('keeps the first location of a duplicate ref and reports the second, naming both', async () => {
    const twin = await entity('component/default/twin');
    const first = twin.metadata.description === 'from a' ? 'a' : 'b';
    const second = first === 'a' ? 'b' : 'a';
    const other = await catalog.waitFor(async () => {
      const page = await catalog.get('/entities/by-query?filter=kind=location,spec.type=file&limit=50');
      return page.body.items.find(
        (e: { spec: { target: string } }) =>
          e.spec.target.endsWith(`${second}/catalog-info.yaml`) && (e as { status?: unknown }).status,
      );
    });
    expect(messages(other)).toContain(`${first}/catalog-info.yaml`);
    expect(messages(other)).toMatch(
      /ConflictError: entity component:default\/twin from file:.*conflicts with the same entity already read from file:/,
    );
    expect(
      catalog.logger.lines.some(
        (line) =>
          line.level === 'warn' && line.message.includes('conflicting entityRef component:default/twin'),
      ),
    ).toBe(true);
  });

  it('keeps the previous output when a processor throws, with the error in the status and logs', async () => {
    const before = await entity('component/default/still-fine');
    state.explode = true;
    await catalog.send('POST', '/refresh', { entityRef: 'component:default/still-fine' });
    const after = await catalog.waitFor(async () => {
      const found = await entity('component/default/still-fine');
      return found.status?.items?.length && found;
    });
    state.explode = false;
    expect(messages(after)).toMatch(
      /InputError: Processor ExplodingProcessor threw an error while postprocessing: kaboom/,
    );
    expect(after.spec).toEqual(before.spec);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(
      catalog.logger.lines.some((line) => line.level === 'warn' && line.message.includes('kaboom')),
    ).toBe(true);
  });
});
