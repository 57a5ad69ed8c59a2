import { describe, expect, it } from 'vitest';
import { parseSearchQuery, toSearchQueryParams } from './search-query-params.js';

describe('parseSearchQuery', () => {
  it('reads Backstage’s qs-style keys and round-trips with toSearchQueryParams', () => {
    const query = parseSearchQuery({
      term: 'web',
      'types[0]': 'software-catalog',
      'types[1]': 'techdocs',
      'filters[kind]': ['Component', 'API'],
      'filters[lifecycle]': 'production',
      pageCursor: 'MQ==',
      pageLimit: '10',
    });
    expect(query).toEqual({
      term: 'web',
      types: ['software-catalog', 'techdocs'],
      filters: { kind: ['Component', 'API'], lifecycle: ['production'] },
      pageCursor: 'MQ==',
      pageLimit: 10,
    });
    expect(parseSearchQuery(toSearchQueryParams(query))).toEqual(query);
  });

  it('refuses what it cannot search, naming the parameter', () => {
    expect(() => parseSearchQuery({ term: 'x'.repeat(1001) })).toThrow(/'term' is 1001 characters long/);
    expect(() => parseSearchQuery({ term: ['a', 'b'] })).toThrow(/'term' must be given once/);
    expect(() => parseSearchQuery({ term: 'a\u0000' })).toThrow(/NUL/);
    expect(() => parseSearchQuery({ pageLimit: '101' })).toThrow(/'pageLimit'/);
    expect(() => parseSearchQuery({ pageLimit: '1e2' })).toThrow(/'pageLimit'/);
    expect(() => parseSearchQuery({ 'filters[$where]': 'x' })).toThrow(/'filters\[\$where\]' is not known/);
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`filters[f${i}]`, 'x']));
    expect(() => parseSearchQuery(tooMany)).toThrow(/at most 20/);
  });
});
