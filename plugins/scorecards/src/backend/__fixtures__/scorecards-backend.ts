import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import catalogPlugin from '@atrium/catalog/backend';
import type { BackendFeatureInput, JsonObject } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { vi } from 'vitest';
import { scorecardsPlugin } from '../plugin.js';

/** The token a CI script pushes facts and reads the gate with. */
export const CI_TOKEN = 'ci-token-for-scorecards-tests';

/** A component descriptor; `extra` lines go under metadata. */
export function componentYaml(
  name: string,
  options: { owner?: string; lifecycle?: string; tags?: string[]; annotations?: Record<string, string> } = {},
): string {
  const annotations = Object.entries(options.annotations ?? {}).map(
    ([key, value]) => `    ${key}: '${value}'`,
  );
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    `  tags: ${JSON.stringify(options.tags ?? [])}`,
    ...(annotations.length > 0 ? ['  annotations:', ...annotations] : []),
    'spec:',
    '  type: service',
    `  lifecycle: ${options.lifecycle ?? 'production'}`,
    `  owner: ${options.owner ?? 'team-a'}`,
    '',
  ].join('\n');
}

/** Checks and a three-level track over catalog, scm and pushed facts. */
export const definitionsYaml = `
checks:
  - id: has-owner
    name: Has an owner
    ownerEntityRef: group:default/platform
    rule: { factRef: 'catalog:default/entity_descriptor', path: '$.spec.owner', operator: exists }
    passedMessage: Owned.
    failedMessage: Set spec.owner.
  - id: production
    name: In production
    rule: { factRef: 'catalog:default/entity_descriptor', path: '$.spec.lifecycle', operator: equal, value: production }
  - id: has-readme
    name: Has a README
    rule: { factRef: 'scm:default/readme', path: '$.exists', operator: equal, value: true }
  - id: node-20
    name: Runs Node 20 or later
    ownerEntityRef: group:default/platform
    rule: { factRef: 'scm:default/node-engine', path: '$.value', operator: semverSatisfies, value: '>=20' }
  - id: coverage
    name: Coverage at least 80
    ownerEntityRef: group:default/platform
    rule: { factRef: 'ci:default/coverage', path: '$.percent', operator: greaterThanInclusive, value: 80 }
  - id: security-review
    name: Security review done
    type: manual
tracks:
  - id: basic-health
    name: Basic health
    filter: { kind: component }
    levels:
      - { ordinal: 1, name: Bronze, checks: [{ id: has-owner }, { id: production }] }
      - { ordinal: 2, name: Silver, checks: [{ id: has-readme }, { id: node-20 }] }
      - { ordinal: 3, name: Gold, checks: [{ id: coverage }] }
`;

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; each test asserts the shape it needs.
type Loose = any;

/** A backend with the catalog reading test components and scorecards. */
export interface ScorecardsBackend extends TestBackend {
  root: string;
  token: string;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string },
  ): Promise<{ status: number; body: Loose }>;
}

/** Writes files under `root`. */
export async function writeTree(root: string, tree: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Starts catalog + scorecards over the components in `tree` (folders with catalog-info.yaml). */
export async function startScorecardsBackend(options: {
  tree: Record<string, string>;
  components: string[];
  database?: JsonObject;
  scorecards?: JsonObject;
  /** Merged over the catalog's config (e.g. `allowedFileRoots` to register locations later). */
  catalog?: JsonObject;
  features?: BackendFeatureInput[];
  root?: string;
}): Promise<ScorecardsBackend> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'atrium-scorecards-')));
  await writeTree(root, { ...options.tree, 'scorecards/definitions.yaml': definitionsYaml });
  const targets = options.components.map((name) => `./${name}/catalog-info.yaml`);
  await writeFile(
    join(root, 'catalog.yaml'),
    `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: fixtures }\nspec:\n  targets: ${JSON.stringify(targets)}\n`,
  );
  const backend = await startTestBackend({
    features: [catalogPlugin, scorecardsPlugin, ...(options.features ?? [])],
    config: {
      backend: {
        ...(options.database ? { database: options.database } : {}),
        auth: { externalAccess: [{ type: 'static', options: { token: CI_TOKEN, subject: 'ci-pipeline' } }] },
      },
      catalog: {
        locations: [{ type: 'file', target: join(root, 'catalog.yaml') }],
        rules: [{ allow: ['Component', 'Location', 'Group'] }],
        processing: { pollInterval: { milliseconds: 50 } },
        ...options.catalog,
      },
      scorecards: {
        definitionFiles: [join(root, 'scorecards/definitions.yaml')],
        pushedFacts: [
          {
            factRef: 'ci:default/coverage',
            schema: {
              type: 'object',
              required: ['percent'],
              properties: { percent: { type: 'number', minimum: 0, maximum: 100 } },
            },
          },
        ],
        collectors: {
          catalog: { frequency: { seconds: 1 } },
          scm: {
            frequency: { seconds: 1 },
            timeout: { seconds: 5 },
            facts: [
              { name: 'readme', path: 'README.md', type: 'exists' },
              { name: 'node-engine', path: 'package.json', type: 'value', valuePath: '$.engines.node' },
            ],
          },
        },
        ...options.scorecards,
      },
    },
  });
  const token = await backend.userToken('user:default/alice', [
    'user:default/alice',
    'group:default/platform',
  ]);
  const call: ScorecardsBackend['call'] = (method, path, { body, token: as = token } = {}) =>
    backend.json(method, `/api/scorecards${path}`, { token: as, body });
  return { ...backend, root, token, call };
}

/** Polls until `probe` answers a value (scorecards work is asynchronous: catalog, then collectors). */
export function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error(`timed out waiting for ${what}`);
      return value;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}
