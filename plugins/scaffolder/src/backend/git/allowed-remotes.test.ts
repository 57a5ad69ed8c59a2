import { describe, expect, it } from 'vitest';
import { scaffolderConfigSchema } from '../config.js';
import { assertAllowedRemote, displayRemote } from './allowed-remotes.js';

const patterns = [
  'file:///srv/git/*',
  'http://127.0.0.1:*/*',
  'https://git.example.com/acme/**',
  'ssh://git@code.example.com/team/*.git',
];

describe('assertAllowedRemote', () => {
  it.each([
    ['file:///srv/git/app.git', 'file:///srv/git/app.git'],
    ['http://127.0.0.1:8080/app.git', 'http://127.0.0.1:8080/app.git'],
    ['https://git.example.com/acme/team/app.git', 'https://git.example.com/acme/team/app.git'],
    // Normalised before matching: case of scheme and host, default ports, dot segments.
    ['HTTPS://GIT.EXAMPLE.COM:443/acme/app.git', 'https://git.example.com/acme/app.git'],
    ['FILE:///srv/git/x/../app.git', 'file:///srv/git/app.git'],
    ['ssh://git@code.example.com:22/team/app.git', 'ssh://git@code.example.com:22/team/app.git'],
  ])('allows %s and answers the normalised URL', (remote, normalised) => {
    expect(assertAllowedRemote(remote, patterns)).toBe(normalised);
  });

  it.each([
    'file:///srv/git/nested/app.git',
    'file:///srv/git/../etc/app.git',
    'file:///srv/git/%2e%2e/etc/app.git',
    'file:///srv/git/.%2E/%2e%2e/app.git',
    'http://127.0.0.1.evil.com:80/app.git',
    'http://evil.com:8080/app.git',
    'HTTP://127.0.0.1.EVIL.COM:8080/app.git',
    'http://127.0.0.1:8080/evil.com@x/app.git',
    'http://127.0.0.1:8080/a/b.git',
    'https://git.example.com/other/app.git',
    'https://git.example.com/acme/../other/app.git',
    'https://git.example.com/acme/%2e%2e/other/app.git',
    'https://git.example.com:8443/acme/app.git',
    'https://git.example.com.evil.com/acme/app.git',
    'ssh://root@code.example.com/team/app.git',
    'ssh://git@code.example.com/other/app.git',
    'ext::sh -c id',
    '/srv/git/app.git',
  ])('refuses %s', (remote) => {
    expect(() => assertAllowedRemote(remote, patterns)).toThrow(
      /scaffolder\.git\.allowedRemotes|protocol|not a URL|not a plain name/,
    );
  });

  // A `*` in the old hand-written glob matched ':' and '@', so these passed
  // 'http://127.0.0.1:*/*' while git pushed to evil.com.
  it.each([
    'http://127.0.0.1:x@evil.com/app.git',
    'http://127.0.0.1:8080@evil.com/app.git',
    'https://bot:s3cr3t-token@git.example.com/acme/app.git',
    'https://ghp_s3cr3t-token@git.example.com/acme/app.git',
    'ssh://git:s3cr3t-token@code.example.com/team/app.git',
  ])('refuses credentials in %s with a 400 naming input.remoteUrl, without showing them', (remote) => {
    let error: unknown;
    try {
      assertAllowedRemote(remote, patterns);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'InputError', message: expect.stringMatching(/^input\.remoteUrl /) });
    expect((error as Error).message).toMatch(/carries credentials/);
    expect((error as Error).message).not.toMatch(/s3cr3t|evil\.com:|:x@|8080@/);
  });

  it.each([
    'file:///srv/git/a%2Fb.git',
    'file:///srv/git/..%2f..%2fetc.git',
    'http://127.0.0.1:8080/..%5Capp.git',
  ])('refuses an encoded separator in %s', (remote) => {
    expect(() => assertAllowedRemote(remote, patterns)).toThrow(/input\.remoteUrl .* not a plain name/);
  });

  it('refuses ssh hosts and logins that ssh would read as options', () => {
    const anyHost = ['ssh://*.example.com/team/*.git', 'ssh://*/team/*.git'];
    expect(assertAllowedRemote('ssh://git@code.example.com/team/a.git', anyHost)).toBe(
      'ssh://git@code.example.com/team/a.git',
    );
    for (const remote of [
      'ssh://git@-oProxyCommand=touch.example.com/team/a.git',
      'ssh://-oProxyCommand=touch/team/a.git',
      'ssh://-x@code.example.com/team/a.git',
      'git://h%20x/team/a.git',
    ]) {
      expect(() => assertAllowedRemote(remote, anyHost), remote).toThrow(/not a plain name/);
    }
  });

  it('refuses a query or a fragment', () => {
    expect(() => assertAllowedRemote('http://127.0.0.1:8080/app.git?x=@evil.com', patterns)).toThrow(
      /query or a fragment/,
    );
  });

  it('matches host globs label by label', () => {
    const hosts = ['https://*.example.com/**'];
    expect(assertAllowedRemote('https://git.example.com/a.git', hosts)).toBe('https://git.example.com/a.git');
    expect(() => assertAllowedRemote('https://a.b.example.com/a.git', hosts)).toThrow(/allowedRemotes/);
    expect(() => assertAllowedRemote('https://evil.com/.example.com/a.git', hosts)).toThrow(/allowedRemotes/);
  });

  it('says when the list is empty', () => {
    expect(() => assertAllowedRemote('file:///srv/git/a.git', [])).toThrow(/none: the list is empty/);
  });
});

describe('displayRemote', () => {
  it('hides user names and passwords (a token may be either)', () => {
    expect(displayRemote('https://bot:tok@h/x.git')).toBe('https://***:***@h/x.git');
    expect(displayRemote('https://tok@h/x.git')).toBe('https://***@h/x.git');
    expect(displayRemote('not a url tok@h')).toBe('not a url tok@h');
    expect(displayRemote('x://tok@h y')).toBe('x://***@h y');
  });
});

describe('scaffolder.git.allowedRemotes', () => {
  it('refuses patterns that cannot be compared part by part, naming the key', () => {
    const result = scaffolderConfigSchema.safeParse({
      git: {
        allowedRemotes: ['file:///srv/git/*', 'https://bot:token@git.example.com/*', 'git.example.com/*'],
      },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'git.allowedRemotes.1',
      'git.allowedRemotes.2',
    ]);
  });
});
