import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '@atrium/catalog-model';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCatalog } from './generate-catalog.js';
import { editDescription } from './measure-change.js';
import { readLocationTree } from './read-location-tree.js';

const directory = mkdtempSync(join(tmpdir(), 'atrium-measure-change-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('editDescription', () => {
  it('changes one entity of a multi-document file and nothing else', () => {
    const catalog = generateCatalog({ total: 500, directory });
    const target = catalog.editable[1]!;
    const before = readLocationTree(catalog.rootFile).entities.map(({ entity }) => entity as Entity);
    editDescription(target.file, target.name, 'Edited: a new description.');
    const after = readLocationTree(catalog.rootFile).entities.map(({ entity }) => entity as Entity);
    expect(after).toHaveLength(before.length);
    const changed = after.filter((entity, i) => JSON.stringify(entity) !== JSON.stringify(before[i]));
    expect(changed).toHaveLength(1);
    expect(changed[0]?.metadata).toMatchObject({
      name: target.name,
      description: 'Edited: a new description.',
    });
  });

  it('names the file when the entity is not in it', () => {
    const catalog = generateCatalog({ total: 500, directory: join(directory, 'second') });
    expect(() => editDescription(catalog.editable[0]!.file, 'no-such-entity', 'x')).toThrow(/no-such-entity/);
  });
});
