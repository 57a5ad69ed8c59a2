import type { Entity } from '@backstage/catalog-model';
import { expect, it } from 'vitest';
import { describeCompat, expectFailure } from './describe-compat.js';

const component = (overrides: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'new-service', ...overrides },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

describeCompat('validateEntity and analyzeLocation', (compat) => {
  const location = () => `url:${compat().repo.url}/new/catalog-info.yaml`;

  it('validateEntity accepts a valid entity', async () => {
    expect(await compat().client.validateEntity(component(), location())).toEqual({ valid: true });
  });

  it('validateEntity reports an invalid name with the field and rule, as serialized errors', async () => {
    const result = await compat().client.validateEntity(component({ name: 'Not Valid!' }), location());
    expect(result.valid).toBe(false);
    const errors = result.valid ? [] : result.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors)
      expect(error).toMatchObject({ name: expect.any(String), message: expect.any(String) });
    expect(errors.map((error) => error.message).join('\n')).toContain('metadata.name');
  });

  it('validateEntity rejects unknown kinds, unknown root fields and missing spec fields', async () => {
    const { client } = compat();
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: {} };
    expect((await client.validateEntity(widget, location())).valid).toBe(false);
    const extraRoot = { ...component(), extra: true } as Entity;
    expect((await client.validateEntity(extraRoot, location())).valid).toBe(false);
    const noOwner = { ...component(), spec: { type: 'service', lifecycle: 'production' } };
    const result = await client.validateEntity(noOwner, location());
    expect(result.valid).toBe(false);
    expect(result.valid ? '' : result.errors.map((e) => e.message).join('\n')).toMatch(/owner/);
  });

  it('validateEntity accepts only url: locations (400, which the client reports as invalid)', async () => {
    const result = await compat().client.validateEntity(component(), 'file:/etc/catalog-info.yaml');
    expect(result.valid).toBe(false);
  });

  it('analyzeLocation lists the catalog file of a repository that has one', async () => {
    const target = `${compat().repo.url}/analyze/with-catalog`;
    const result = await compat().client.analyzeLocation({ location: { type: 'url', target } });
    expect(result.existingEntityFiles).toEqual([
      {
        entity: expect.objectContaining({
          kind: 'Component',
          metadata: expect.objectContaining({ name: 'analyzed-service' }),
        }),
        isRegistered: false,
        location: {
          type: 'url',
          target: expect.stringMatching(/\/analyze\/with-catalog\/catalog-info\.yaml$/),
        },
      },
    ]);
  });

  it('analyzeLocation proposes an entity, with the fields a user must fill in, for a repository without one', async () => {
    const target = `${compat().repo.url}/analyze/without-catalog`;
    const result = await compat().client.analyzeLocation({ location: { type: 'url', target } });
    expect(result.existingEntityFiles).toEqual([]);
    expect(result.generateEntities).toHaveLength(1);
    const [generated] = result.generateEntities;
    expect(generated?.entity).toMatchObject({ kind: 'Component' });
    for (const field of generated?.fields ?? []) {
      expect(['analysisSuggestedValue', 'analysisSuggestedNoValue', 'needsUserInput']).toContain(field.state);
    }
    expect(generated?.fields).toContainEqual(
      expect.objectContaining({ field: 'spec.owner', state: 'needsUserInput' }),
    );
  });

  it('analyzeLocation answers 400 InputError when the target is not a URL', async () => {
    await expectFailure(
      compat().client.analyzeLocation({ location: { type: 'url', target: 'not a url' } }),
      400,
      'InputError',
    );
  });
});
