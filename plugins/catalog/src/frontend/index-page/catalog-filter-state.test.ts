import { describe, expect, it } from 'vitest';
import {
  facetRequests,
  parseFilterState,
  serializeFilterState,
  toEntityFilter,
} from './catalog-filter-state.js';

const parse = (query: string) => parseFilterState(new URLSearchParams(query));

describe('catalog filter state', () => {
  it('round-trips through the query string, leaving defaults out', () => {
    const query =
      'kind=Component&kind=API&owner=group%3Adefault%2Fteam-a&tag=java&q=pay&starred=true&sort=owner%2Cdesc&pageSize=50&cursor=abc&page=2';
    const state = parse(query);
    expect(state).toMatchObject({
      facets: { kind: ['Component', 'API'], owner: ['group:default/team-a'], tag: ['java'], type: [] },
      text: 'pay',
      starredOnly: true,
      sort: { by: 'owner', direction: 'desc' },
      pageSize: 50,
      page: 2,
      cursor: 'abc',
    });
    expect(serializeFilterState(state).toString()).toBe(query);
    expect(serializeFilterState(parse('')).toString()).toBe('');
  });

  it('falls back to defaults for bad values', () => {
    expect(parse('sort=evil&pageSize=7&page=3&kind=')).toMatchObject({
      sort: { by: 'name', direction: 'asc' },
      pageSize: 20,
      page: 0,
      facets: { kind: ['Component'] },
    });
  });

  it('opens on Components, keeps every kind in the URL as kind=all, and leaves the default out', () => {
    expect(parse('').facets.kind).toEqual(['Component']);
    expect(parse('kind=all').facets.kind).toEqual([]);
    expect(parse('kind=API&kind=ALL').facets.kind).toEqual([]);
    expect(serializeFilterState(parse('kind=all&q=pay')).toString()).toBe('kind=all&q=pay');
    expect(serializeFilterState(parse('kind=component')).toString()).toBe('');
    expect(serializeFilterState(parse('kind=API')).toString()).toBe('kind=API');
    expect(toEntityFilter(parse(''), []).filter).toEqual({ kind: ['Component'] });
    expect(toEntityFilter(parse('kind=all'), []).filter).toEqual({});
  });

  it('ANDs facets, ORs values of one facet, and can leave one facet out for its counts', () => {
    const state = parse('kind=Component&lifecycle=production&lifecycle=experimental');
    expect(toEntityFilter(state, []).filter).toEqual({
      kind: ['Component'],
      'spec.lifecycle': ['production', 'experimental'],
    });
    expect(toEntityFilter(state, [], 'kind').filter).toEqual({
      'spec.lifecycle': ['production', 'experimental'],
    });
  });

  it('turns starred-only into one alternative per starred entity inside the other filters', () => {
    const state = parse('kind=component&starred=true');
    const starred = ['component:default/a', 'api:default/b', 'component:ops/c', 'not a ref:'];
    expect(toEntityFilter(state, starred)).toEqual({
      filter: [
        { kind: 'component', 'metadata.namespace': 'default', 'metadata.name': 'a' },
        { kind: 'component', 'metadata.namespace': 'ops', 'metadata.name': 'c' },
      ],
      matchesNothing: false,
    });
    expect(toEntityFilter(state, ['api:default/b']).matchesNothing).toBe(true);
    expect(toEntityFilter(parse('starred=true'), []).matchesNothing).toBe(true);
  });

  it('shares one facet request among facets without a selection of their own', () => {
    expect(facetRequests(parse('kind=all'), []).map((r) => r.facetKeys)).toEqual([
      ['kind', 'type', 'owner', 'lifecycle', 'namespace', 'tag'],
    ]);
    const requests = facetRequests(parse('kind=API&tag=java'), []);
    expect(requests.map((r) => [r.facetKeys, r.filter.filter])).toEqual([
      [['type', 'owner', 'lifecycle', 'namespace'], { kind: ['API'], 'metadata.tags': ['java'] }],
      [['kind'], { 'metadata.tags': ['java'] }],
      [['tag'], { kind: ['API'] }],
    ]);
  });
});
