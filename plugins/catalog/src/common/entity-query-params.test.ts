import { describe, expect, it } from 'vitest';
import { CATALOG_FILTER_EXISTS, toFilterParams } from './entity-filter-query.js';
import { toEntityQueryParams } from './entity-query-params.js';

describe('toFilterParams', () => {
  it('joins a set with commas, repeats keys for alternatives and drops empty lists', () => {
    expect(
      toFilterParams({ kind: ['component', 'api'], 'spec.lifecycle': 'production', 'spec.type': [] }),
    ).toEqual(['kind=component,kind=api,spec.lifecycle=production']);
    expect(
      toFilterParams([
        { kind: 'group' },
        { 'metadata.annotations.backstage.io/orphan': CATALOG_FILTER_EXISTS },
        {},
      ]),
    ).toEqual(['kind=group', 'metadata.annotations.backstage.io/orphan']);
    expect(toFilterParams(undefined)).toEqual([]);
  });
});

describe('toEntityQueryParams', () => {
  it('sends a first page with filter, order, trimmed full-text term, fields and limit', () => {
    expect(
      toEntityQueryParams({
        filter: { kind: 'component' },
        orderField: { field: 'metadata.name', order: 'desc' },
        fullTextFilter: { term: '  pay ', fields: ['metadata.name', 'metadata.title'] },
        fields: ['kind', 'metadata.name'],
        limit: 20,
        totalItems: 'exclude',
      }),
    ).toEqual({
      filter: ['kind=component'],
      orderField: 'metadata.name,desc',
      fullTextFilterTerm: 'pay',
      fullTextFilterFields: 'metadata.name,metadata.title',
      fields: 'kind,metadata.name',
      limit: 20,
      totalItems: 'exclude',
    });
  });

  it('leaves out a blank term and empty filters', () => {
    expect(toEntityQueryParams({ fullTextFilter: { term: '  ' }, filter: [{}], limit: 0 })).toEqual({
      limit: 0,
    });
    expect(toEntityQueryParams()).toEqual({});
  });

  it('sends only the cursor, limit and fields for later pages', () => {
    expect(toEntityQueryParams({ cursor: 'c2', limit: 20, fields: ['kind'] })).toEqual({
      cursor: 'c2',
      limit: 20,
      fields: 'kind',
    });
  });
});
