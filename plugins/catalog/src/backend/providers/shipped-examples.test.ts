import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { catalogPlugin } from '../plugin.js';

// `npm start` runs from the repository root with its app-config.yaml: the example
// organisation and templates must load in full under the file rule (only the folders of
// catalog.locations and catalog.allowedFileRoots are readable).
const repoRoot = resolve(import.meta.dirname, '../../../../..');

// Template skeletons hold templated YAML, not descriptors.
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && entry.name !== 'mkdocs.yml')
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).split(sep).includes('skeleton'));
}

/** Refs of every descriptor document under examples/ (placeholder targets have no kind). */
function exampleRefs(): string[] {
  return ['catalog', 'templates'].flatMap((folder) =>
    yamlFiles(join(repoRoot, 'examples', folder)).flatMap((file) =>
      parseAllDocuments(readFileSync(file, 'utf8'))
        .map((doc) => doc.toJS() as { apiVersion?: unknown; kind?: string; metadata?: { name?: string } })
        .filter((doc) => typeof doc?.apiVersion === 'string' && doc.kind && doc.metadata?.name)
        .map((doc) => `${doc.kind}:default/${doc.metadata?.name}`.toLowerCase()),
    ),
  );
}

type Served = {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { definition?: unknown };
};

describe('the shipped app-config.yaml', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend({
      features: [catalogPlugin],
      configPaths: [join(repoRoot, 'app-config.yaml')],
      config: { catalog: { processing: { pollInterval: { milliseconds: 40 } } } },
    });
  });
  afterAll(() => backend.stop());

  it('loads every entity of the example organisation and templates, placeholders read', async () => {
    const expected = exampleRefs();
    expect(expected.length).toBeGreaterThan(50);
    const token = await backend.userToken();
    let served: Served[] = [];
    const deadline = Date.now() + 30_000;
    const refOf = (e: Served) =>
      `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
    while (Date.now() < deadline) {
      served = (await (await backend.fetch('/api/catalog/entities', { token })).json()) as Served[];
      if (expected.every((ref) => served.some((e) => refOf(e) === ref))) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(expected.filter((ref) => !served.some((e) => refOf(e) === ref))).toEqual([]);
    const errors = served.flatMap((e) =>
      ((e as { status?: { items?: Array<{ error?: { message?: string } }> } }).status?.items ?? []).map(
        (item) => `${refOf(e)}: ${item.error?.message}`,
      ),
    );
    expect(errors).toEqual([]);
    const apis = served.filter((e) => e.kind === 'API');
    expect(apis.length).toBeGreaterThan(0);
    for (const api of apis) expect(typeof api.spec?.definition, refOf(api)).toBe('string');
  });
});
