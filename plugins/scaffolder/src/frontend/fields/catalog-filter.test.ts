import { CATALOG_FILTER_EXISTS, toFilterParams } from '@atrium/catalog/common';
import { describe, expect, it } from 'vitest';
import { toEntityFilterQuery } from './catalog-filter.js';

describe('toEntityFilterQuery', () => {
  it('reads a template catalogFilter: lists OR within a set, sets OR together, exists as a bare key', () => {
    const query = toEntityFilterQuery([
      { kind: ['Group', 'User'], 'spec.profile.email': { exists: true } },
      { kind: 'Component', 'metadata.annotations.x/enabled': true, 'spec.replicas': 3 },
    ]);
    expect(query).toEqual([
      { kind: ['Group', 'User'], 'spec.profile.email': CATALOG_FILTER_EXISTS },
      { kind: 'Component', 'metadata.annotations.x/enabled': 'true', 'spec.replicas': '3' },
    ]);
    expect(toFilterParams(query)).toEqual([
      'kind=Group,kind=User,spec.profile.email',
      'kind=Component,metadata.annotations.x/enabled=true,spec.replicas=3',
    ]);
  });

  it('gives no filter for none', () => {
    expect(toFilterParams(toEntityFilterQuery(undefined))).toEqual([]);
  });
});
