import { describe, expect, it } from 'vitest';
import { escapingReferences } from './escaping-references.js';
import { publishedLocation } from './published-location.js';

const fileRepo = { type: 'file' as const, base: '/srv/repositories/app.git/blob/main' };
const fileFrom = '/srv/repositories/app.git/blob/main/catalog-info.yaml';
const urlRepo = { type: 'url' as const, base: 'https://git.example.com/org/app/blob/main/' };
const urlFrom = 'https://git.example.com/org/app/blob/main/catalog-info.yaml';

const component = (description: unknown) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', description },
  spec: { type: 'service', owner: 'me', lifecycle: 'production' },
});

describe('escapingReferences', () => {
  it.each([
    './README.md',
    'docs/api.yaml',
    'docs/../README.md',
    '/srv/repositories/app.git/blob/main/README.md',
    'file:///srv/repositories/app.git/blob/main/README.md',
  ])('accepts %s in a file repository', (target) => {
    expect(escapingReferences([component({ $text: target })], fileRepo, fileFrom)).toEqual([]);
  });

  it.each([
    '/etc/passwd',
    'file:///etc/passwd',
    '../../../secret.txt',
    '../other/catalog-info.yaml',
    'x?/../../../../secret.txt',
    'file:///srv/repositories/app.git/blob/main/%2e%2e/%2e%2e/secret.txt',
    'https://evil.example.com/x.txt',
    'http://169.254.169.254/latest/meta-data',
  ])('refuses %s in a file repository', (target) => {
    for (const kind of ['$text', '$json', '$yaml']) {
      expect(escapingReferences([component({ [kind]: target })], fileRepo, fileFrom)).toEqual([
        { at: `document 1 at metadata.description.${kind}`, target },
      ]);
    }
  });

  it.each([
    ['./README.md', true],
    ['https://git.example.com/org/app/blob/main/docs/x.yaml', true],
    ['../../other/blob/main/x.yaml', false],
    ['/org/other/x.yaml', false],
    ['%2e%2e/%2e%2e/x.yaml', false],
    ['docs/..%2f..%2fx.yaml', false],
    ['https://git.example.com.evil.com/org/app/blob/main/x', false],
    ['file:///etc/passwd', false],
  ])('in a url repository, %s stays inside: %s', (target, inside) => {
    expect(escapingReferences([component({ $text: target })], urlRepo, urlFrom)).toHaveLength(inside ? 0 : 1);
  });

  it('checks every document, nested and listed placeholders and child location targets', () => {
    const found = escapingReferences(
      [
        component('plain'),
        { kind: 'API', spec: { definition: { $text: './api.yaml' }, list: [{ deep: { $yaml: '/etc/x' } }] } },
        { kind: 'Location', spec: { targets: ['./a.yaml', '../../../b.yaml'] } },
        { kind: 'Location', spec: { target: '/etc/hosts' } },
        { kind: 'Location', spec: { type: 'url', target: 'https://example.com/c.yaml' } },
      ],
      fileRepo,
      fileFrom,
    );
    expect(found).toEqual([
      { at: 'document 2 at spec.list[0].deep.$yaml', target: '/etc/x' },
      { at: 'document 3 at spec.targets[1]', target: '../../../b.yaml' },
      { at: 'document 4 at spec.target', target: '/etc/hosts' },
      { at: 'document 5 at spec.target', target: 'url:https://example.com/c.yaml' },
    ]);
  });
});

describe('publishedLocation', () => {
  it('registers a file: URL as a file location and an http(s) URL as a url location', () => {
    expect(publishedLocation({ repoContentsUrl: 'file:///srv/repositories/app.git/blob/main' })).toEqual({
      url: 'file:///srv/repositories/app.git/blob/main/catalog-info.yaml',
      location: { type: 'file', target: fileFrom },
      readerUrl: 'file:///srv/repositories/app.git/blob/main/catalog-info.yaml',
      repository: fileRepo,
    });
    expect(publishedLocation({ catalogInfoUrl: urlFrom })).toEqual({
      url: urlFrom,
      location: { type: 'url', target: urlFrom },
      readerUrl: urlFrom,
      repository: urlRepo,
    });
  });

  it('refuses a catalogInfoPath that climbs out and URLs of other kinds', () => {
    expect(() =>
      publishedLocation({
        repoContentsUrl: 'file:///srv/r/app.git/blob/main',
        catalogInfoPath: '../../../x.yaml',
      }),
    ).toThrow(/input\.catalogInfoPath '\.\.\/\.\.\/\.\.\/x\.yaml' leads outside the repository/);
    expect(() => publishedLocation({ catalogInfoUrl: 'ftp://h/x.yaml' })).toThrow(
      /input\.catalogInfoUrl 'ftp:\/\/h\/x\.yaml' uses ftp:/,
    );
    expect(() => publishedLocation({})).toThrow(
      /input\.catalogInfoUrl or input\.repoContentsUrl is required/,
    );
  });
});
