import { describe, expect, it } from 'vitest';
import { reviewEntries } from './review-entries.js';

describe('reviewEntries', () => {
  it('lists filled values by title, hiding and masking as the template asks', () => {
    const page = {
      schema: {
        properties: {
          name: { title: 'Name', type: 'string' },
          token: { title: 'Token', type: 'string' },
          secret: { title: 'Secret', type: 'string' },
          internal: { type: 'string' },
          hiddenWidget: { type: 'string' },
          repo: { title: 'Repo', type: 'object', properties: { host: { title: 'Host', type: 'string' } } },
          tags: { title: 'Tags', type: 'array' },
          empty: { title: 'Empty', type: 'string' },
        },
      },
      uiSchema: {
        token: { 'ui:widget': 'password' },
        secret: { 'ui:backstage': { review: { mask: '<hidden>' } } },
        internal: { 'ui:backstage': { review: { show: false } } },
        hiddenWidget: { 'ui:widget': 'hidden' },
      },
    };
    const entries = reviewEntries([page], {
      name: 'svc',
      token: 'abc',
      secret: 's3',
      internal: 'x',
      hiddenWidget: 'y',
      repo: { host: 'github.com' },
      tags: ['a', 'b'],
      empty: '',
    });
    expect(entries).toEqual([
      { key: 'name', label: 'Name', value: 'svc' },
      { key: 'token', label: 'Token', value: '******' },
      { key: 'secret', label: 'Secret', value: '<hidden>' },
      { key: 'repo.host', label: 'Repo › Host', value: 'github.com' },
      { key: 'tags', label: 'Tags', value: 'a, b' },
    ]);
  });
});
