import type { GitRefs } from '@atrium/kernel';
import { describe, expect, it } from 'vitest';
import { selectVersions, sortVersions, wantsVersions } from './versions.js';

const refs: GitRefs = {
  ref: 'main',
  defaultBranch: 'main',
  tags: ['v2.0.0', 'release-9', 'v1.10.0', 'v1.2.0', 'vx.y'],
  branches: ['main', 'next'],
  urlAt: (ref) => ref,
};

describe('selectVersions', () => {
  it('takes the listed refs, then tags matching the glob in the repository order, up to max', () => {
    expect(selectVersions({ refs: ['next'], tags: 'v1.*', max: 5 }, refs)).toEqual([
      'next',
      'v1.10.0',
      'v1.2.0',
    ]);
    expect(selectVersions({ refs: [], tags: 'v*', max: 2 }, refs)).toEqual(['v2.0.0', 'v1.10.0']);
    expect(selectVersions({ refs: [], tags: 'v?.?.?', max: 9 }, refs)).toEqual(['v2.0.0', 'v1.2.0']);
  });

  it('treats glob text literally except * and ?, drops duplicates and the default name', () => {
    expect(selectVersions({ refs: [], tags: 'v1.2.0', max: 5 }, refs)).toEqual(['v1.2.0']);
    expect(selectVersions({ refs: [], tags: 'v1+2.0', max: 5 }, refs)).toEqual([]);
    expect(selectVersions({ refs: ['v2.0.0', 'latest'], tags: 'v2*', max: 5 }, refs)).toEqual(['v2.0.0']);
  });

  it('wants versions only when some are configured and max allows them', () => {
    expect(wantsVersions({ refs: [], max: 5 })).toBe(false);
    expect(wantsVersions({ refs: [], tags: 'v*', max: 0 })).toBe(false);
    expect(wantsVersions({ refs: ['main'], max: 1 })).toBe(true);
  });
});

describe('sortVersions', () => {
  it('lists the default first, then versions newest-looking first (numeric order)', () => {
    expect(sortVersions(['v1.2.0', 'latest', 'v1.10.0', 'v2.0.0'])).toEqual([
      'latest',
      'v2.0.0',
      'v1.10.0',
      'v1.2.0',
    ]);
  });
});
