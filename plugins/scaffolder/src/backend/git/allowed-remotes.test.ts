import { describe, expect, it } from 'vitest';
import { assertAllowedRemote } from './allowed-remotes.js';

const patterns = ['file:///srv/git/*', 'http://127.0.0.1:*/*', 'https://git.example.com/acme/**'];

describe('assertAllowedRemote', () => {
  it.each([
    'file:///srv/git/app.git',
    'http://127.0.0.1:8080/app.git',
    'https://git.example.com/acme/team/app.git',
    'https://bot:token@git.example.com/acme/app.git',
  ])('allows %s', (remote) => {
    expect(() => assertAllowedRemote(remote, patterns)).not.toThrow();
  });

  it.each([
    'file:///srv/git/nested/app.git',
    'file:///srv/git/../etc/app.git',
    'http://127.0.0.1.evil.com:80/app.git',
    'https://git.example.com/other/app.git',
    'ext::sh -c id',
    '/srv/git/app.git',
  ])('refuses %s', (remote) => {
    expect(() => assertAllowedRemote(remote, patterns)).toThrow(
      /scaffolder\.git\.allowedRemotes|protocol|not a URL/,
    );
  });

  it('says when the list is empty', () => {
    expect(() => assertAllowedRemote('file:///srv/git/a.git', [])).toThrow(/none: the list is empty/);
  });
});
