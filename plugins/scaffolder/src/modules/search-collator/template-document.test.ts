import type { Entity } from '@atrium/catalog-model';
import { describe, expect, it } from 'vitest';
import { templateToDocument } from './template-document.js';

const template = (spec: Record<string, unknown>, metadata: Partial<Entity['metadata']> = {}): Entity =>
  ({
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'node-service', ...metadata },
    spec,
  }) as Entity;

describe('templateToDocument', () => {
  it('indexes the titles of every step and field, once each, from a list of steps or one schema', () => {
    const steps = templateToDocument(
      template({
        parameters: [
          { title: 'About', properties: { name: { title: 'Name' }, port: { title: 'Port' } } },
          { title: 'About', properties: { owner: { title: 'Owner' }, raw: { type: 'string' } } },
        ],
      }),
    );
    expect(steps.parameterTitles).toEqual(['About', 'Name', 'Port', 'Owner']);
    const single = templateToDocument(template({ parameters: { properties: { name: { title: 'Name' } } } }));
    expect(single.parameterTitles).toEqual(['Name']);
    expect(templateToDocument(template({ parameters: 'nonsense' })).parameterTitles).toEqual([]);
  });

  it('links to the run page (encoded) and checks the template entity', () => {
    const document = templateToDocument(
      template(
        { type: 'service', owner: 'group:default/team' },
        { namespace: 'a b', title: 'Node.js service' },
      ),
    );
    expect(document).toMatchObject({
      title: 'Node.js service',
      location: '/create/templates/a%20b/node-service',
      authorization: { resourceRef: 'template:a b/node-service' },
      type: 'service',
      owner: 'group:default/team',
    });
  });
});
