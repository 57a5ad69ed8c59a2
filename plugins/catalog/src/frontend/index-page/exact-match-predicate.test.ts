import { describe, expect, it } from 'vitest';
import { CATALOG_FILTER_EXISTS, type EntityFilterSet } from '../../common/index.js';
import { exactMatchPredicate } from './exact-match-predicate.js';

const exact = { $any: [{ 'metadata.name': 'pay' }, { 'metadata.title': 'pay' }] };

describe('exactMatchPredicate', () => {
  it('ANDs the facets with a name-or-title equality', () => {
    expect(exactMatchPredicate({ kind: ['component'], 'spec.type': 'service' }, 'pay')).toEqual({
      $all: [{ $all: [{ kind: { $in: ['component'] } }, { 'spec.type': 'service' }] }, exact],
    });
  });

  it('keeps alternatives (starred entities) as an $any and existence as $exists', () => {
    const starred: EntityFilterSet[] = [
      { kind: 'component', 'metadata.name': 'a' },
      { 'metadata.annotations.x': CATALOG_FILTER_EXISTS },
    ];
    expect(exactMatchPredicate(starred, 'pay')).toEqual({
      $all: [
        {
          $any: [
            { $all: [{ kind: 'component' }, { 'metadata.name': 'a' }] },
            { 'metadata.annotations.x': { $exists: true } },
          ],
        },
        exact,
      ],
    });
  });

  it('is only the equality when no facet narrows the page', () => {
    expect(exactMatchPredicate({ kind: [] }, 'pay')).toEqual(exact);
    expect(exactMatchPredicate({}, 'pay')).toEqual(exact);
  });
});
