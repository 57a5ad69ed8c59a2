import { resolveLocationTarget } from '@atrium/kernel';
import { describe, expect, it } from 'vitest';
import { escapingReferences } from './escaping-references.js';
import { publishedLocation } from './published-location.js';
import { publishedRepository, workspaceRepository } from './repository-base.js';

// The URL reader's rule with all of /srv/repositories readable (catalog.allowedFileRoots):
// a published bare repository at its ref is still the base, not the readable root.
const urlReader = {
  resolveTarget: (l: string, t: string) => resolveLocationTarget(l, t, ['/srv/repositories']),
};
const fileRepo = publishedRepository(urlReader, 'file', 'file:///srv/repositories/app.git/blob/main');
const fileFrom = 'file:///srv/repositories/app.git/blob/main/catalog-info.yaml';
const urlRepo = publishedRepository(urlReader, 'url', 'https://git.example.com/org/app/blob/main');
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
    '../../../other.git/blob/main/catalog-info.yaml',
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

describe('workspaceRepository', () => {
  it('bounds references by the workspace, from a file in any folder of it', () => {
    const workspace = workspaceRepository('/tmp/ws');
    const from = 'file:///tmp/ws/docs/catalog-info.yaml';
    expect(escapingReferences([component({ $text: '../openapi.yaml' })], workspace, from)).toEqual([]);
    expect(escapingReferences([component({ $text: '../../openapi.yaml' })], workspace, from)).toHaveLength(1);
    expect(
      escapingReferences([component({ $text: 'file:///tmp/ws-other/x' })], workspace, from),
    ).toHaveLength(1);
  });
});

describe('publishedLocation', () => {
  it('registers a file: URL as a file location and an http(s) URL as a url location', () => {
    const file = publishedLocation(urlReader, {
      repoContentsUrl: 'file:///srv/repositories/app.git/blob/main',
    });
    expect(file).toMatchObject({
      url: fileFrom,
      location: { type: 'file', target: '/srv/repositories/app.git/blob/main/catalog-info.yaml' },
      readerUrl: fileFrom,
      repository: { type: 'file', label: 'file:///srv/repositories/app.git/blob/main' },
    });
    expect(publishedLocation(urlReader, { catalogInfoUrl: urlFrom })).toMatchObject({
      url: urlFrom,
      location: { type: 'url', target: urlFrom },
      readerUrl: urlFrom,
      repository: { type: 'url', label: 'https://git.example.com/org/app/blob/main/' },
    });
    expect(
      publishedLocation(urlReader, {
        repoContentsUrl: 'https://git.example.com/org/app/blob/main/',
        catalogInfoPath: '/docs/catalog-info.yaml',
      }).url,
    ).toBe('https://git.example.com/org/app/blob/main/docs/catalog-info.yaml');
  });

  it('refuses a catalogInfoPath that climbs out and URLs of other kinds', () => {
    for (const repoContentsUrl of ['file:///srv/r/app.git/blob/main', 'https://h/org/app/blob/main']) {
      expect(() =>
        publishedLocation(urlReader, { repoContentsUrl, catalogInfoPath: '../../../x.yaml' }),
      ).toThrow(/input\.catalogInfoPath '\.\.\/\.\.\/\.\.\/x\.yaml' leads outside the repository/);
    }
    expect(() => publishedLocation(urlReader, { catalogInfoUrl: 'ftp://h/x.yaml' })).toThrow(
      /input\.catalogInfoUrl 'ftp:\/\/h\/x\.yaml' uses ftp:/,
    );
    expect(() => publishedLocation(urlReader, {})).toThrow(
      /input\.catalogInfoUrl or input\.repoContentsUrl is required/,
    );
  });
});
