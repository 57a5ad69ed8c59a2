// @vitest-environment happy-dom

import { beforeAll, describe, expect, it } from 'vitest';
import { type CatalogClient, createCatalogClient } from '../../common/index.js';
import { sampleCatalog } from '../test-utils/sample-entities.js';
import { setUpCatalogServer } from '../test-utils/set-up-catalog-server.js';
import { loadEntityGraph } from './entity-graph.js';

const catalog = setUpCatalogServer(sampleCatalog());
let catalogApi: CatalogClient;
let root: Awaited<ReturnType<CatalogClient['getEntityByName']>>;

beforeAll(async () => {
  catalogApi = createCatalogClient({
    baseUrl: `${catalog.server.url}/api/catalog`,
    fetch: (url, init) => catalog.server.fetch(url, init),
  });
  root = await catalogApi.getEntityByName({
    params: { kind: 'component', namespace: 'default', name: 'petstore-service' },
  });
});

describe('loadEntityGraph', () => {
  it('loads direct neighbours in one request and keeps dangling targets as missing nodes', async () => {
    const graph = await loadEntityGraph(catalogApi, root, { depth: 1 });
    expect(graph.nodes.map((n) => `${n.ref}@${n.depth}${n.entity ? '' : ' (missing)'}`).sort()).toEqual([
      'api:default/gone-api@1 (missing)',
      'api:default/petstore-api@1',
      'component:default/petstore-service@0',
      'group:default/team-a@1',
      'resource:default/pets-db@1',
      'system:default/pets@1',
    ]);
    expect(catalog.server.requests.filter((r) => r.startsWith('POST /entities/by-refs'))).toHaveLength(1);
  });

  it('shows each relation once, in its forward direction', async () => {
    const graph = await loadEntityGraph(catalogApi, root, { depth: 1 });
    const edges = graph.edges.map((e) => `${e.from} ${e.type} ${e.to}`).sort();
    expect(edges).toContain('component:default/petstore-service ownedBy group:default/team-a');
    expect(edges).toContain('component:default/petstore-service providesApi api:default/petstore-api');
    expect(edges.filter((e) => e.includes('ownerOf') || e.includes('apiProvidedBy'))).toEqual([]);
    expect(new Set(edges).size).toBe(edges.length);
  });

  it('follows more hops, only the chosen relation types, and stops at the node limit', async () => {
    const deep = await loadEntityGraph(catalogApi, root, { depth: 2 });
    expect(deep.nodes.map((n) => n.ref)).toContain('user:default/ada');
    const owners = await loadEntityGraph(catalogApi, root, { depth: 2, relationTypes: ['ownedBy'] });
    expect(owners.nodes.map((n) => n.ref).sort()).toEqual([
      'api:default/petstore-api',
      'component:default/petstore-service',
      'group:default/team-a',
      'resource:default/pets-db',
      'system:default/pets',
    ]);
    const capped = await loadEntityGraph(catalogApi, root, { depth: 3, maxNodes: 4 });
    expect(capped.nodes).toHaveLength(4);
    expect(capped.isTruncated).toBe(true);
  });
});
