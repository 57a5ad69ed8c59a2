import { describe, expect, it } from 'vitest';
import { locationBaseOf, resolveLocationTarget } from './location-target.js';

const roots = ['/srv/repos', '/srv/repos/team', '/srv/catalog'];
const resolve = (location: string, target: string) => resolveLocationTarget(location, target, roots);

function refusal(location: string, target: string) {
  try {
    resolve(location, target);
  } catch (error) {
    return error as Error & { details?: { rule?: string } };
  }
  throw new Error(`expected '${target}' to be refused`);
}

describe('the base of a location', () => {
  it('is the deepest readable root for a file, the repository at its ref for a bare repository', () => {
    expect(locationBaseOf('file:///srv/repos/team/app/catalog-info.yaml', roots)).toEqual({
      url: 'file:///srv/repos/team/',
      kind: 'file-root',
    });
    expect(locationBaseOf('file:///srv/repos/app.git/blob/main/docs/catalog-info.yaml', roots)).toEqual({
      url: 'file:///srv/repos/app.git/blob/main/',
      kind: 'git-repository',
    });
    expect(locationBaseOf('file:///elsewhere/catalog-info.yaml', roots).url).toBe('file:///elsewhere/');
  });

  it('is a recognised repository prefix over http(s), else the folder of the URL', () => {
    const base = (url: string) => locationBaseOf(url, []).url;
    expect(base('https://github.com/acme/app/blob/main/a/catalog-info.yaml')).toBe(
      'https://github.com/acme/app/blob/main/',
    );
    expect(base('https://gitlab.com/acme/group/app/-/blob/v1/catalog-info.yaml')).toBe(
      'https://gitlab.com/acme/group/app/-/blob/v1/',
    );
    expect(base('https://bitbucket.org/acme/app/src/main/catalog-info.yaml')).toBe(
      'https://bitbucket.org/acme/app/src/main/',
    );
    expect(base('https://raw.githubusercontent.com/acme/app/main/x/catalog-info.yaml')).toBe(
      'https://raw.githubusercontent.com/acme/app/main/',
    );
    expect(base('http://127.0.0.1:8080/git/acme/monorepo/catalog-info.yaml')).toBe(
      'http://127.0.0.1:8080/git/acme/monorepo/',
    );
  });
});

describe('resolving a target against its location', () => {
  it('resolves relative and absolute targets inside the base', () => {
    const location = 'file:///srv/repos/team/app/catalog-info.yaml';
    expect(resolve(location, './openapi.yaml')).toBe('file:///srv/repos/team/app/openapi.yaml');
    expect(resolve(location, '../lib/docs/../api.yaml')).toBe('file:///srv/repos/team/lib/api.yaml');
    expect(resolve(location, '/srv/repos/team/other/x.yaml')).toBe('file:///srv/repos/team/other/x.yaml');
    expect(resolve(location, 'file:///srv/repos/team/x.yaml')).toBe('file:///srv/repos/team/x.yaml');
    expect(resolve(location, './systems/*.yaml')).toBe('file:///srv/repos/team/app/systems/*.yaml');
    const github = 'https://github.com/acme/app/blob/main/services/catalog-info.yaml';
    expect(resolve(github, '../openapi.yaml')).toBe('https://github.com/acme/app/blob/main/openapi.yaml');
  });

  it('refuses targets that climb out of a root, a repository or a ref', () => {
    for (const [location, target] of [
      ['file:///srv/repos/team/app/catalog-info.yaml', '../../data/catalog.sqlite'],
      ['file:///srv/repos/team/app/catalog-info.yaml', '/srv/atrium/data/kernel.sqlite'],
      ['file:///srv/repos/team/app/catalog-info.yaml', 'file:///etc/passwd'],
      ['file:///srv/repos/app.git/blob/main/catalog-info.yaml', '../../../other.git/blob/main/x'],
      ['file:///srv/repos/app.git/blob/main/catalog-info.yaml', '../HEAD~1/secret.yaml'],
      ['https://github.com/acme/app/blob/main/catalog-info.yaml', '../../../../other/blob/main/x'],
      ['https://github.com/acme/app/blob/main/catalog-info.yaml', 'https://github.com/acme/other/x'],
      ['https://github.com/acme/app/blob/main/catalog-info.yaml', '//evil.example.com/x'],
      ['https://github.com/acme/app/blob/main/catalog-info.yaml', './..%2F..%2Fother/x'],
    ] as const) {
      const error = refusal(location, target);
      expect(error.name, target).toBe('InputError');
      expect(error.details?.rule, target).toBe('location-base');
      expect(error.message).toContain(`'${target}' resolves to`);
    }
  });

  it('refuses a target of another type than its location: a url location never reads a file', () => {
    const error = refusal('https://github.com/acme/app/blob/main/catalog-info.yaml', 'file:///etc/passwd');
    expect(error).toMatchObject({ name: 'InputError', details: { rule: 'location-scheme' } });
    expect(error.message).toContain('a target must be of the same type as its location');
    expect(refusal('file:///srv/repos/app/catalog-info.yaml', 'https://example.com/x').details?.rule).toBe(
      'location-scheme',
    );
    expect(refusal('ftp://example.com/catalog-info.yaml', './x').name).toBe('InputError');
  });
});
