import { describe, expect, it } from 'vitest';
import { globBaseDirectory, isGlobPattern, relativeGlob } from './glob-base-directory.js';

describe('isGlobPattern', () => {
  it.each([
    ['/repo/systems/*.yaml', true],
    ['/repo/**/catalog-info.yaml', true],
    ['/repo/a?.yaml', true],
    ['/repo/{a,b}.yaml', true],
    ['/repo/[ab].yaml', true],
    ['/repo/systems/a.yaml', false],
    ['/repo/my-service.v2/catalog-info.yaml', false],
    ['/repo/catalog-info (1).yaml', false],
    ['/repo/team (old)/catalog-info.yaml', false],
    ['/repo/@(a|b).yaml', true],
    ['/repo/!(draft).yaml', true],
    ['/repo/team (old)/*.yaml', true],
  ])('%s → %s', (path, expected) => {
    expect(isGlobPattern(path)).toBe(expected);
  });
});

describe('globBaseDirectory', () => {
  it.each([
    ['/repo/systems/*.yaml', '/repo/systems'],
    ['/repo/systems/**/*.yaml', '/repo/systems'],
    ['/repo/sys*/a.yaml', '/repo'],
    ['/repo/systems/a*.yaml', '/repo/systems'],
    ['/*.yaml', '/'],
    ['/repo/systems/a.yaml', '/repo/systems'],
    ['/repo/team (old)/*.yaml', '/repo/team (old)'],
    ['/repo/catalog-info (1).yaml', '/repo'],
  ])('%s → %s', (path, expected) => {
    expect(globBaseDirectory(path)).toBe(expected);
  });
});

describe('relativeGlob', () => {
  it('escapes plain names and keeps glob segments', () => {
    expect(relativeGlob('/repo', '/repo/*/team (old)/x.yaml')).toBe('*/team \\(old\\)/x.yaml');
    expect(relativeGlob('/repo', '/repo/**/*.yaml')).toBe('**/*.yaml');
  });
});
