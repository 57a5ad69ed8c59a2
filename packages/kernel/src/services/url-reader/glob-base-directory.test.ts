import { describe, expect, it } from 'vitest';
import { globBaseDirectory, isGlobPattern } from './glob-base-directory.js';

describe('isGlobPattern', () => {
  it.each([
    ['/repo/systems/*.yaml', true],
    ['/repo/**/catalog-info.yaml', true],
    ['/repo/a?.yaml', true],
    ['/repo/{a,b}.yaml', true],
    ['/repo/[ab].yaml', true],
    ['/repo/systems/a.yaml', false],
    ['/repo/my-service.v2/catalog-info.yaml', false],
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
  ])('%s → %s', (path, expected) => {
    expect(globBaseDirectory(path)).toBe(expected);
  });
});
