import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKindRegistry, type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findDanglingRefs } from './find-dangling-refs.js';
import { readLocationTree } from './read-location-tree.js';

// The example organisation that `npm start` loads (examples/README.md).
const catalogDir = resolve(fileURLToPath(import.meta.url), '../../../../examples/catalog');
const tree = readLocationTree(join(catalogDir, 'all.yaml'));
const entities = tree.entities.map(({ entity }) => entity as Entity);
const rel = (file: string) => relative(catalogDir, file);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const countOf = (kind: string) => entities.filter((entity) => entity.kind === kind).length;

describe('examples/catalog', () => {
  it('reads every descriptor from all.yaml without problems', () => {
    expect(tree.problems).toEqual([]);
    expect(tree.files.map(rel)).toContain('systems/checkout.yaml');
    expect(tree.files.map(rel)).toContain('components/payments-service/catalog-info.yaml');
  });

  it('reaches every YAML file: each is a descriptor or a placeholder target', () => {
    const reached = new Set([...tree.files, ...tree.placeholderFiles]);
    const unreached = listFiles(catalogDir)
      .filter((file) => /\.ya?ml$/.test(file) && !file.endsWith('mkdocs.yml'))
      .filter((file) => !reached.has(file))
      .map(rel);
    expect(unreached).toEqual([]);
  });

  it('validates every entity with @atrium/catalog-model', () => {
    const kinds = createKindRegistry();
    const invalid = tree.entities
      .map(({ entity, file }) => ({
        where: `${rel(file)} ${String(entity.kind)} ${String((entity.metadata as { name?: unknown })?.name)}`,
        problems: kinds.validateEntity(entity),
      }))
      .filter(({ problems }) => problems.length > 0);
    expect(invalid).toEqual([]);
  });

  it('has unique refs', () => {
    const refs = entities.map((entity) => stringifyEntityRef(entity));
    expect(refs.length).toBe(new Set(refs).size);
  });

  it('resolves every relation target to an entity of the example org', () => {
    const { dangling, errors } = findDanglingRefs(entities);
    expect(errors).toEqual([]);
    expect(dangling).toEqual([]);
  });

  it('looks like a real organisation', () => {
    expect(countOf('Domain')).toBeGreaterThanOrEqual(1);
    expect(countOf('System')).toBeGreaterThanOrEqual(3);
    expect(countOf('Component')).toBeGreaterThanOrEqual(8);
    expect(countOf('Component')).toBeLessThanOrEqual(12);
    expect(countOf('Resource')).toBeGreaterThanOrEqual(3);
    expect(countOf('User')).toBeGreaterThanOrEqual(8);
    const types = new Set(entities.filter((e) => e.kind === 'Component').map((e) => e.spec?.type));
    expect([...types].sort()).toEqual(['library', 'service', 'website']);
    // A hierarchy: some group has a parent that itself has a parent.
    const parents = new Map(
      entities.filter((e) => e.kind === 'Group').map((e) => [e.metadata.name, e.spec?.parent as string]),
    );
    expect([...parents.values()].some((parent) => parents.get(parent) !== undefined)).toBe(true);
    for (const entity of entities.filter((e) => e.kind !== 'Location')) {
      expect(entity.metadata.description, stringifyEntityRef(entity)).toBeTruthy();
    }
  });

  it('inlines real API definitions: OpenAPI, one AsyncAPI and one GraphQL', () => {
    const apis = entities.filter((entity) => entity.kind === 'API');
    const byType = (type: string) => apis.filter((api) => api.spec?.type === type);
    expect(byType('asyncapi')).toHaveLength(1);
    expect(byType('graphql')).toHaveLength(1);
    expect(byType('openapi').length).toBeGreaterThanOrEqual(4);
    for (const api of byType('openapi')) {
      const document = parse(String(api.spec?.definition)) as { openapi?: string; paths?: object };
      expect(document.openapi, api.metadata.name).toMatch(/^3\./);
      expect(Object.keys(document.paths ?? {}).length, api.metadata.name).toBeGreaterThan(1);
    }
    const asyncApi = parse(String(byType('asyncapi')[0]?.spec?.definition)) as { asyncapi?: string };
    expect(asyncApi.asyncapi).toMatch(/^2\./);
    expect(String(byType('graphql')[0]?.spec?.definition)).toContain('type Query');
  });

  it('ships docs beside the descriptors that use backstage.io/techdocs-ref: dir:.', () => {
    const withDocs = tree.entities.filter(
      ({ entity }) => (entity as Entity).metadata.annotations?.['backstage.io/techdocs-ref'] === 'dir:.',
    );
    expect(withDocs.length).toBeGreaterThanOrEqual(2);
    for (const { file } of withDocs) {
      expect(existsSync(join(dirname(file), 'mkdocs.yml')), rel(file)).toBe(true);
      expect(existsSync(join(dirname(file), 'docs/index.md')), rel(file)).toBe(true);
    }
  });
});

describe('examples/README.md', () => {
  const repoRoot = resolve(catalogDir, '../..');
  const readme = readFileSync(join(repoRoot, 'examples/README.md'), 'utf8');
  const config = parse(readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8')) as Record<string, unknown>;

  // Every value the snippet shows is the shipped config's value at the same key.
  function mismatches(shown: unknown, shipped: unknown, path: string): string[] {
    if (shown && typeof shown === 'object' && !Array.isArray(shown)) {
      return Object.entries(shown).flatMap(([key, value]) =>
        mismatches(value, (shipped as Record<string, unknown> | undefined)?.[key], `${path}.${key}`),
      );
    }
    return JSON.stringify(shown) === JSON.stringify(shipped) ? [] : [path.slice(1)];
  }

  it("shows the shipped app-config.yaml's features, locations and publishing settings", () => {
    const snippet = /## Loading it[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    const shown = parse(snippet ?? '') as Record<string, { locations?: unknown[] }>;
    expect(mismatches(shown, config, '')).toEqual([]);
    const locations = (config.catalog as { locations: unknown[] }).locations;
    expect(shown.catalog?.locations).toHaveLength(locations.length);
    expect(readme).toContain(`registers ${['no', 'one', 'two', 'three'][locations.length]} files`);
    expect(shown.scaffolder).toBeDefined();
  });
});
