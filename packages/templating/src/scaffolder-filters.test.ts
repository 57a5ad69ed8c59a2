// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is the template syntax under test.
import { afterAll, describe, expect, it } from 'vitest';
import { createTemplater } from './index.js';

// The filters live in src/sandbox/scaffolder-filters.js and only ever run inside the
// sandbox, so they are tested through a templater.
const templater = createTemplater({ strict: true });
afterAll(() => templater.close());

const render = (template: string, context = {}) => templater.renderValue(template, context);

describe('parseRepoUrl', () => {
  it.each([
    ['github.com?owner=o&repo=r', { host: 'github.com', owner: 'o', repo: 'r' }],
    ['GitHub.com?repo=r&owner=o&owner=ignored', { host: 'github.com', owner: 'o', repo: 'r' }],
    [
      'dev.azure.com?organization=org&project=p&repo=r',
      { host: 'dev.azure.com', organization: 'org', project: 'p', repo: 'r' },
    ],
    [
      'bitbucket.org?workspace=w&project=p&repo=r',
      { host: 'bitbucket.org', workspace: 'w', project: 'p', repo: 'r' },
    ],
    [
      'gitlab.example.com:8443?owner=group%2Fsub&repo=my+repo',
      { host: 'gitlab.example.com:8443', owner: 'group/sub', repo: 'my repo' },
    ],
  ])('parses %s', async (url, expected) => {
    expect(await render('${{ url | parseRepoUrl }}', { url })).toEqual(expected);
  });

  it.each([
    ['github.com?owner=o', /missing the "repo" parameter/],
    ['?owner=o&repo=r', /host "" is missing/],
    ['', /expects a repo URL/],
  ])('rejects %j', async (url, reason) => {
    await expect(render('${{ url | parseRepoUrl }}', { url })).rejects.toThrow(reason);
  });

  it('reads single parts in templates', async () => {
    expect(await render('${{ (url | parseRepoUrl).repo }}', { url: 'github.com?owner=o&repo=r' })).toBe('r');
  });
});

describe('projectSlug', () => {
  it('turns a picker value into owner/repo', async () => {
    expect(await render('${{ url | projectSlug }}', { url: 'github.com?owner=o&repo=r' })).toBe('o/r');
  });

  it('needs an owner', async () => {
    await expect(
      render('${{ url | projectSlug }}', { url: 'dev.azure.com?project=p&repo=r' }),
    ).rejects.toThrow(/needs an "owner"/);
  });
});

describe('parseEntityRef', () => {
  it.each([
    ['component:default/svc', undefined, { kind: 'component', namespace: 'default', name: 'svc' }],
    ['group:team-a', undefined, { kind: 'group', namespace: 'default', name: 'team-a' }],
    [
      'team-a',
      { defaultKind: 'Group', defaultNamespace: 'ops' },
      { kind: 'Group', namespace: 'ops', name: 'team-a' },
    ],
    ['ns/name', { defaultKind: 'User' }, { kind: 'User', namespace: 'ns', name: 'name' }],
    ['a/b:c', { defaultKind: 'User' }, { kind: 'User', namespace: 'a', name: 'b:c' }],
    [{ name: 'x' }, { defaultKind: 'Component' }, { kind: 'Component', namespace: 'default', name: 'x' }],
    [{ kind: 'API', namespace: 'n', name: 'x' }, undefined, { kind: 'API', namespace: 'n', name: 'x' }],
  ])('parses %j with %j', async (ref, defaults, expected) => {
    const template = defaults ? '${{ ref | parseEntityRef(defaults) }}' : '${{ ref | parseEntityRef }}';
    expect(await render(template, { ref, defaults: defaults ?? null })).toEqual(expected);
  });

  it.each([
    ['svc', /has no kind/],
    ['component:', /not of the form/],
    [':svc', /not of the form/],
    ['', /must not be empty/],
  ])('rejects %j', async (ref, reason) => {
    await expect(render('${{ ref | parseEntityRef }}', { ref })).rejects.toThrow(reason);
  });
});

describe('pick', () => {
  const value = { a: { b: [{ c: 1 }, { 'd.e': 2 }] }, name: 'n' };

  it.each([
    ['name', 'n'],
    ['a.b[0].c', 1],
    ['a.b[1]["d.e"]', 2],
    ["a.b[1]['d.e']", 2],
    ['a.missing.deeper', undefined],
    ['constructor', undefined],
    ['__proto__', undefined],
  ])('reads %s', async (path, expected) => {
    expect(await render('${{ value | pick(path) }}', { value, path })).toEqual(expected);
  });

  it('composes with parseEntityRef as in Backstage templates', async () => {
    expect(await render("${{ 'group:default/team-a' | parseEntityRef | pick('name') }}")).toBe('team-a');
  });
});
