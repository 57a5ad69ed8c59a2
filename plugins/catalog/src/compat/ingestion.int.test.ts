import type { Entity } from '@backstage/catalog-model';
import { expect, it } from 'vitest';
import { FIXTURE_REFS, statusItems } from './compat-fixtures.js';
import { describeCompat } from './describe-compat.js';

function statusMessages(entities: readonly Entity[]): string[] {
  return entities.flatMap((entity) => {
    return statusItems(entity).map((item) => `${entity.kind}:${entity.metadata.name}: ${item.message ?? ''}`);
  });
}

describeCompat('ingestion of the fixtures', (compat) => {
  it('serves every fixture entity with its relations (nested locations, multi-document files, all kinds)', () => {
    expect(compat().settleProblem).toBe('');
  });

  it('serves one entity of every built-in kind, kinds as written', async () => {
    const { items } = await compat().client.getEntities({ fields: ['kind'] });
    expect([...new Set(items.map((entity) => entity.kind))].sort()).toEqual([
      'API',
      'Component',
      'Domain',
      'Group',
      'Location',
      'Resource',
      'System',
      'Template',
      'User',
    ]);
  });

  it('serves exactly the fixtures plus the Location generated for the config location', async () => {
    const { items } = await compat().client.getEntities({
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    });
    const refs = items
      .map((e) => `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase())
      .sort();
    expect(refs).toEqual(
      [...FIXTURE_REFS, `location:default/${compat().configLocationName}`]
        .map((ref) => ref.toLowerCase())
        .sort(),
    );
  });

  it('keeps the valid entity of a file whose other documents are invalid', async () => {
    const survivor = await compat().client.getEntityByRef('component:default/survivor');
    expect(survivor?.metadata.description).toBe('Valid, in a file with invalid neighbours.');
    expect(await compat().client.getEntityByRef('widget:default/gadget')).toBeUndefined();
    expect(await compat().client.getEntityByRef('component:default/never-parsed')).toBeUndefined();
  });

  it('reports invalid YAML in a status, naming the file and the line', async () => {
    const { items } = await compat().client.getEntities();
    const messages = statusMessages(items).filter((m) => m.includes('invalid-yaml.yaml'));
    expect(messages, statusMessages(items).join('\n')).not.toEqual([]);
    expect(messages.some((m) => /line \d+|:\d+/i.test(m))).toBe(true);
  });

  it('reports an invalid entity in a status, naming the field', async () => {
    const { items } = await compat().client.getEntities();
    expect(statusMessages(items).some((m) => m.includes('metadata.name'))).toBe(true);
  });

  it('reports a kind the rules do not allow (or no processor knows) in a status', async () => {
    const { items } = await compat().client.getEntities();
    expect(statusMessages(items).some((m) => /widget/i.test(m))).toBe(true);
  });

  it('reports a location that includes itself in a status, and still serves it once', async () => {
    const { items } = await compat().client.getEntities();
    expect(statusMessages(items).some((m) => /cycle/i.test(m))).toBe(true);
    expect(items.filter((e) => e.kind === 'Location' && e.metadata.name === 'cycle')).toHaveLength(1);
  });

  it('marks processing errors with the status item type and level the client exports', async () => {
    const { items } = await compat().client.getEntities();
    const all = items.flatMap((entity) => statusItems(entity));
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) {
      expect(item).toMatchObject({ type: 'backstage.io/catalog-processing', level: 'error' });
      expect(item.error).toMatchObject({ name: expect.any(String), message: expect.any(String) });
    }
  });

  it('gives valid entities no error status', async () => {
    const entity = await compat().client.getEntityByRef('component:default/shop-backend');
    expect(statusItems(entity)).toEqual([]);
  });
});
