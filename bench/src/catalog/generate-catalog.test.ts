import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createKindRegistry,
  deriveSpecRelations,
  type Entity,
  stringifyEntityRef,
} from '@atrium/catalog-model';
import { afterAll, describe, expect, it } from 'vitest';
import { findDanglingRefs } from './find-dangling-refs.js';
import { generateCatalog } from './generate-catalog.js';
import { readLocationTree } from './read-location-tree.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-generate-catalog-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A hash of every file under `root`: relative paths and contents, in sorted order. */
function digestTree(root: string): string {
  const hash = createHash('sha256');
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  for (const file of files.sort()) hash.update(`${file.slice(root.length)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

describe('generateCatalog', () => {
  const catalog = generateCatalog({ total: 3000, directory: freshDir() });
  const tree = readLocationTree(catalog.rootFile);
  const entities = tree.entities.map(({ entity }) => entity as Entity);

  it('writes exactly the planned number of entities per kind, reachable from the root Location', () => {
    expect(tree.problems).toEqual([]);
    expect(entities).toHaveLength(3000);
    const counts: Record<string, number> = {};
    for (const entity of entities) counts[entity.kind] = (counts[entity.kind] ?? 0) + 1;
    expect(counts).toEqual(catalog.counts);
    expect(catalog.counts.Component).toBeGreaterThan(catalog.counts.User);
    expect(tree.files).toHaveLength(catalog.files);
  });

  it('puts many entities in each file, like a real organisation', () => {
    expect(catalog.files).toBeLessThan(200);
    expect(catalog.bytes / catalog.total).toBeGreaterThan(400);
    const root = entities.find((entity) => entity.kind === 'Location');
    expect(root?.spec?.targets).toContain('./systems/*.yaml');
  });

  it('writes only valid entities with unique refs', () => {
    const kinds = createKindRegistry();
    const invalid = entities
      .map((entity) => ({ ref: stringifyEntityRef(entity), problems: kinds.validateEntity(entity) }))
      .filter(({ problems }) => problems.length > 0);
    expect(invalid).toEqual([]);
    expect(new Set(entities.map((entity) => stringifyEntityRef(entity))).size).toBe(3000);
  });

  it('resolves every ref: owners, systems, domains, APIs, dependencies, groups', () => {
    const { dangling, errors } = findDanglingRefs(entities);
    expect(errors).toEqual([]);
    expect(dangling).toEqual([]);
  });

  it('builds a group hierarchy at least three levels deep, with users in teams', () => {
    const parentOf = new Map(
      entities.filter((e) => e.kind === 'Group').map((e) => [e.metadata.name, e.spec?.parent]),
    );
    const depth = (name: string): number => {
      const parent = parentOf.get(name);
      return typeof parent === 'string' ? 1 + depth(parent) : 0;
    };
    expect(Math.max(...[...parentOf.keys()].map(depth))).toBeGreaterThanOrEqual(3);
    const user = entities.find((e) => e.kind === 'User');
    expect(user?.spec?.memberOf).toEqual([expect.stringMatching(/^team-/)]);
  });

  it('records the expected relations of its sample, forward and inverse', () => {
    const all = new Map<string, Set<string>>();
    for (const entity of entities) {
      for (const relation of deriveSpecRelations(entity).relations) {
        const source = stringifyEntityRef(relation.source);
        if (!all.has(source)) all.set(source, new Set());
        all.get(source)?.add(`${relation.type} ${stringifyEntityRef(relation.target)}`);
      }
    }
    expect(catalog.sample.size).toBeGreaterThanOrEqual(30);
    for (const [ref, expected] of catalog.sample) {
      expect(expected.size, ref).toBeGreaterThan(0);
      expect([...expected].sort(), ref).toEqual([...(all.get(ref) ?? [])].sort());
    }
    const kinds = new Set([...catalog.sample.keys()].map((ref) => ref.split(':')[0]));
    expect([...kinds].sort()).toEqual(['api', 'component', 'domain', 'group', 'resource', 'system', 'user']);
  });

  it('offers editable components, each in its own file', () => {
    expect(catalog.editable.length).toBeGreaterThanOrEqual(10);
    expect(new Set(catalog.editable.map((e) => e.file)).size).toBe(catalog.editable.length);
    for (const { file, name } of catalog.editable)
      expect(readFileSync(file, 'utf8')).toContain(`name: ${name}`);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    // A small catalog shows determinism as well as a large one; its bytes are compared as written.
    const written = (seed?: number) =>
      digestTree(generateCatalog({ total: 300, directory: freshDir(), seed }).directory);
    const first = written();
    expect(written()).toBe(first);
    expect(written(7)).not.toBe(first);
  });

  it('refuses catalogs too small to hold an organisation', () => {
    expect(() => generateCatalog({ total: 20, directory: freshDir() })).toThrow(/at least 100/);
  });
});
