import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import catalogPlugin from '@atrium/catalog/backend';
import { parseSseBlocks } from '@atrium/http-api';
import type { BackendFeatureInput, JsonObject } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { expect, vi } from 'vitest';
import { techdocsPlugin } from '../plugin.js';

/** A folder of files to write: path → text or bytes. */
export type Tree = Record<string, string | Buffer>;

/** Writes a tree of files under `root`. */
export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** A component descriptor with docs next to it. */
export function componentYaml(
  name: string,
  annotations: Record<string, string> = { 'backstage.io/techdocs-ref': 'dir:.' },
): string {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: '${v}'`);
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    ...lines,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: team-a',
    '',
  ].join('\n');
}

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; each test asserts the shape it needs.
type Loose = any;

/** A running backend with the catalog reading `root/catalog.yaml` and the techdocs plugin. */
export interface DocsBackend extends TestBackend {
  root: string;
  token: string;
  get(path: string, token?: string): Promise<{ status: number; body: Loose; text: string; headers: Headers }>;
  /** Runs `/sync` and answers its events in order. */
  sync(entity: string, token?: string): Promise<Array<{ event: string; data: Loose }>>;
}

/**
 * Starts the catalog and techdocs on one backend. `components` name the folders under
 * `root` that hold a catalog-info.yaml each (written by the test).
 */
export async function startDocsBackend(options: {
  root?: string;
  components: string[];
  /** Files written before the backend starts (the catalog reads them at once). */
  tree?: Tree;
  database?: JsonObject;
  techdocs?: JsonObject;
  features?: BackendFeatureInput[];
}): Promise<DocsBackend> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'atrium-techdocs-')));
  await writeTree(root, options.tree ?? {});
  const targets = options.components.map((c) => `./${c}/catalog-info.yaml`);
  await writeFile(
    join(root, 'catalog.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata: { name: docs-fixtures }',
      'spec:',
      `  targets: ${JSON.stringify(targets)}`,
      '',
    ].join('\n'),
  );
  const backend = await startTestBackend({
    features: [catalogPlugin, techdocsPlugin, ...(options.features ?? [])],
    config: {
      backend: { ...(options.database ? { database: options.database } : {}) },
      catalog: {
        locations: [{ type: 'file', target: join(root, 'catalog.yaml') }],
        rules: [{ allow: ['Component', 'Location', 'API'] }],
        processing: { pollInterval: { milliseconds: 50 } },
      },
      techdocs: { refreshInterval: { hours: 1 }, ...options.techdocs },
    },
  });
  const token = await backend.userToken();
  const get: DocsBackend['get'] = async (path, as = token) => {
    const response = await backend.fetch(`/api/techdocs${path}`, { token: as });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text, headers: response.headers };
  };
  const sync: DocsBackend['sync'] = async (entity, as = token) => {
    const response = await backend.fetch(`/api/techdocs/sync/${entity}`, { token: as });
    if (response.status !== 200)
      throw new Error(`sync answered ${response.status}: ${await response.text()}`);
    return parseSseBlocks(await response.text()).messages.map((m) => ({
      event: m.event,
      data: JSON.parse(m.data),
    }));
  };
  return { ...backend, root, token, get, sync };
}

/** Waits until the catalog serves an entity (processing is asynchronous). */
export async function waitForEntity(backend: DocsBackend, kind: string, name: string): Promise<void> {
  const token = await backend.serviceToken('catalog');
  const path = `/api/catalog/entities/by-name/${kind}/default/${name}`;
  await vi.waitFor(
    async () =>
      expect((await backend.fetch(path, { token })).status, `the catalog serves ${kind}:${name}`).toBe(200),
    { timeout: 20_000, interval: 50 },
  );
}
