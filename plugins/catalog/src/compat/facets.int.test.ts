import { expect, it } from 'vitest';
import { describeCompat, expectFailure } from './describe-compat.js';

describeCompat('getEntityFacets (GET /entity-facets)', (compat) => {
  it('counts values per facet in their original casing, sorted by value', async () => {
    const { facets } = await compat().client.getEntityFacets({ facets: ['kind'] });
    const kinds = Object.fromEntries((facets.kind ?? []).map(({ value, count }) => [value, count]));
    expect(kinds).toMatchObject({
      API: 2,
      Component: 6,
      Domain: 1,
      Group: 4,
      Resource: 2,
      System: 2,
      Template: 1,
      User: 4,
    });
    const values = (facets.kind ?? []).map(({ value }) => value);
    expect(values).toEqual([...values].sort());
  });

  it('applies the filter and returns every requested facet', async () => {
    const { facets } = await compat().client.getEntityFacets({
      facets: ['spec.type', 'metadata.tags'],
      filter: { kind: 'component' },
    });
    expect(facets).toEqual({
      'spec.type': [
        { value: 'library', count: 1 },
        { value: 'service', count: 4 },
        { value: 'website', count: 1 },
      ],
      'metadata.tags': [
        { value: 'go', count: 1 },
        { value: 'java', count: 2 },
        { value: 'pci', count: 1 },
        { value: 'react', count: 1 },
        { value: 'typescript', count: 1 },
      ],
    });
  });

  it('applies a full-text filter (Atrium addition, by-query parameter names), or counts nothing', async () => {
    const counts = async (term: string) => {
      const query = new URLSearchParams({
        facet: 'kind',
        fullTextFilterTerm: term,
        fullTextFilterFields: 'metadata.name,metadata.description',
      });
      const response = await compat().fetch(`/entity-facets?${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { facets: { kind: unknown[] } }).facets.kind;
    };
    expect(await counts('shop carts')).toEqual([{ value: 'Component', count: 1 }]);
    expect(await counts('orders')).toEqual([
      { value: 'API', count: 1 },
      { value: 'Component', count: 1 },
    ]);
    expect(await counts('matches-nothing-at-all')).toEqual([]);
    const posted = await compat().fetch('/entity-facets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        facets: ['kind'],
        query: { kind: 'api' },
        fullTextFilter: { term: 'orders', fields: ['metadata.description'] },
      }),
    });
    expect(await posted.json()).toEqual({ facets: { kind: [{ value: 'API', count: 1 }] } });
  });

  it('keeps the casing of names in values', async () => {
    const { facets } = await compat().client.getEntityFacets({
      facets: ['metadata.name'],
      filter: { kind: 'component', 'spec.lifecycle': 'experimental' },
    });
    expect(facets['metadata.name']).toEqual([{ value: 'PaymentGateway', count: 1 }]);
  });

  it('facets relations by target ref', async () => {
    const { facets } = await compat().client.getEntityFacets({
      facets: ['relations.ownedBy'],
      filter: { kind: 'component' },
    });
    expect(facets['relations.ownedBy']).toEqual([
      { value: 'group:default/team-a', count: 3 },
      { value: 'group:default/team-b', count: 1 },
      { value: 'group:default/team-c', count: 1 },
      { value: 'user:default/alice', count: 1 },
    ]);
  });

  it('echoes facet keys exactly as requested', async () => {
    const { facets } = await compat().client.getEntityFacets({
      facets: ['Kind'],
      filter: { kind: 'domain' },
    });
    expect(facets).toEqual({ Kind: [{ value: 'Domain', count: 1 }] });
  });

  it('answers an empty list for a facet no entity has', async () => {
    const { facets } = await compat().client.getEntityFacets({ facets: ['spec.nothing'] });
    expect(facets).toEqual({ 'spec.nothing': [] });
  });

  it('answers 400 InputError without a facet parameter', async () => {
    const response = await compat().fetch('/entity-facets');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('InputError');
    await expectFailure(compat().client.getEntityFacets({ facets: [] }), 400, 'InputError');
  });
});
