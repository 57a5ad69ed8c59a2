import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  componentYaml,
  eventually,
  type ScorecardsBackend,
  startScorecardsBackend,
  writeTree,
} from './__fixtures__/scorecards-backend.js';

const hasOwner = async (backend: ScorecardsBackend, name: string) => {
  const { status, body } = await backend.call(
    'GET',
    `/results?entityRef=component:default/${name}&checks=has-owner`,
  );
  return status === 200 ? body.results?.[0]?.state : undefined;
};

describe('an entity added to the catalog later', () => {
  let backend: ScorecardsBackend;

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'atrium-scorecards-follow-'));
    backend = await startScorecardsBackend({
      root,
      tree: { 'shop/catalog-info.yaml': componentYaml('shop') },
      components: ['shop'],
      // The scheduled catalog sync runs once, a second after start, then not for an hour:
      // only a sync triggered by the catalog's change events can score a later entity.
      scorecards: {
        collectors: {
          catalog: { frequency: { hours: 1 } },
          scm: {
            frequency: { hours: 1 },
            facts: [
              { name: 'readme', path: 'README.md', type: 'exists' },
              { name: 'node-engine', path: 'package.json', type: 'value', valuePath: '$.engines.node' },
            ],
          },
        },
      },
      catalog: { allowedFileRoots: [root] },
    });
    await eventually(async () => ((await hasOwner(backend, 'shop')) ? true : undefined), 'shop scored');
  }, 60_000);
  afterAll(() => backend?.stop());

  it('is scored soon after the catalog serves it, without waiting for the catalog sync frequency', async () => {
    await writeTree(backend.root, { 'late/catalog-info.yaml': componentYaml('late') });
    const response = await backend.fetch('/api/catalog/locations', {
      method: 'POST',
      token: backend.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'file', target: join(backend.root, 'late/catalog-info.yaml') }),
    });
    expect(response.status).toBe(201);
    expect(await eventually(() => hasOwner(backend, 'late'), 'the late component scored', 30_000)).toBe(
      'passed',
    );
  }, 60_000);
});
