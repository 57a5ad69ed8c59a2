import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonObject } from '@atrium/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRunHarness } from '../../__fixtures__/run-harness.js';

const harness = createRunHarness();
afterAll(() => harness.close());

const api = (definition: unknown): JsonObject => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'x' },
  spec: { type: 'openapi', owner: 'me', lifecycle: 'production', definition } as JsonObject,
});

async function write(entity: JsonObject, filePath = 'catalog-info.yaml') {
  const { result, workspace } = await harness.run({
    steps: [{ id: 'write', action: 'catalog:write', input: { entity, filePath } }],
  });
  const file = join(workspace, filePath);
  const written = await access(file).then(
    () => true,
    () => false,
  );
  return { result, written, file };
}

describe('catalog:write', () => {
  it('writes placeholders and child locations that stay in the workspace', async () => {
    const { result, file } = await write(api({ $text: '../openapi.yaml' }), 'docs/catalog-info.yaml');
    expect(result.status).toBe('completed');
    expect(parse(await readFile(file, 'utf8'))).toMatchObject({
      spec: { definition: { $text: '../openapi.yaml' } },
      metadata: { annotations: { 'backstage.io/source-template': 'template:default/test' } },
    });
    expect(
      (await write({ kind: 'Location', spec: { targets: ['./a.yaml', 'b/c.yaml'] } })).result.status,
    ).toBe('completed');
  });

  it.each([
    ['an absolute path', api({ $text: '/etc/passwd' }), "input.entity spec.definition.$text '/etc/passwd'"],
    [
      'a file URL',
      api({ $json: 'file:///etc/x.json' }),
      "input.entity spec.definition.$json 'file:///etc/x.json'",
    ],
    ['a climbing path', api({ $yaml: '../../x.yaml' }), "input.entity spec.definition.$yaml '../../x.yaml'"],
    [
      'another site',
      api({ $text: 'https://example.com/x' }),
      "input.entity spec.definition.$text 'https://example.com/x'",
    ],
    [
      'a child location outside',
      { kind: 'Location', spec: { targets: ['./a.yaml', '../../b.yaml'] } },
      "input.entity spec.targets[1] '../../b.yaml'",
    ],
  ])('refuses %s and writes nothing', async (_case, entity, named) => {
    const { result, written } = await write(entity as JsonObject);
    expect(result.status === 'failed' && result.error.message).toBe(
      `Step 'write' (catalog:write) failed: ${named} points outside the workspace; an entity may only point at files published with it`,
    );
    expect(written).toBe(false);
  });
});
