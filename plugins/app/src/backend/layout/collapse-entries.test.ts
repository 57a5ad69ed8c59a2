import { describe, expect, it } from 'vitest';
import { collapseEntries } from './collapse-entries.js';

describe('collapseEntries', () => {
  it('keeps one entry per extension, at the position of its last entry, merging settings', () => {
    expect(
      collapseEntries(
        ['page:a', 'page:b', { 'nav-item:c': { config: { title: 'C' } } }],
        [{ 'page:a': { config: { title: 'A' } } }, { 'nav-item:c': false }],
      ),
    ).toEqual([
      'page:b',
      { 'page:a': { disabled: false, config: { title: 'A' } } },
      { 'nav-item:c': { config: { title: 'C' }, disabled: true } },
    ]);
  });

  it('writes plain enable and disable in their short forms, and keeps invalid entries for the app to report', () => {
    expect(
      collapseEntries([{ 'page:a': true }, { 'page:b': null }, { 'page:c': false }, { x: 1, y: 2 }]),
    ).toEqual(['page:a', 'page:b', { 'page:c': false }, { x: 1, y: 2 }]);
  });
});
