import { rmSync } from 'node:fs';
import { catalogPlugin } from '@atrium/catalog/backend';
import {
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabase,
  testDatabaseKinds,
} from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNED, writeOrg } from './__fixtures__/write-org.js';
import { rbacPermissionPolicyFactory, rbacPlugin } from './index.js';

// ada's token carries her own ref and her team, as sign-in gives them; the role she holds
// is eng's, which the rbac plugin finds above team-a in the catalog.
const policy = {
  roles: [
    {
      name: 'engineers',
      description: 'Read what your teams own',
      members: ['group:default/eng'],
      rules: [
        {
          permission: 'catalog.entity.read',
          effect: 'allow',
          conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: ['$ownerRefs'] } },
        },
      ],
    },
    { name: 'operators', members: ['user:default/root'], rules: [{ permission: '*', effect: 'allow' }] },
    { name: 'no-deletes', members: ['*'], rules: [{ action: 'delete', effect: 'deny' }] },
  ],
};

describe.each(testDatabaseKinds())('rbac through the catalog on %s', (kind) => {
  let database: TestDatabase;
  let backend: TestBackend;
  let org: ReturnType<typeof writeOrg>;
  let ada: string;
  let root: string;
  const get = async (path: string, token: string) => {
    const response = await backend.fetch(`/api/catalog${path}`, { token });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    org = writeOrg(policy);
    database = await createTestDatabase(kind);
    backend = await startTestBackend({
      features: [catalogPlugin, rbacPlugin, rbacPermissionPolicyFactory],
      config: {
        backend: { database: database.config },
        catalog: {
          rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
          locations: [{ type: 'file', target: org.catalogFile }],
          processing: { pollInterval: { milliseconds: 40 } },
        },
        permission: { rbac: { policyFile: org.policyFile, groupRefreshSeconds: 0.05 } },
      },
    });
    ada = await backend.userToken('user:default/ada', ['user:default/ada', 'group:default/team-a']);
    root = await backend.userToken('user:default/root');
    // The catalog ingests the org, and the rbac plugin re-reads its groups, in the background.
    const settled = async (token: string, expected: number) => {
      for (let i = 0; i < 400; i++) {
        const { body } = await get('/entities/by-query?filter=kind=component&limit=1', token);
        if (body.totalItems === expected) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await settled(root, OWNED['team-a'] + OWNED['team-b'] + OWNED.eng);
    await settled(ada, OWNED['team-a'] + OWNED.eng);
  }, 60_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
    rmSync(org.dir, { recursive: true, force: true });
  });

  it('pages a user limited to their teams through by-query with the right totals and cursors', async () => {
    const visible = OWNED['team-a'] + OWNED.eng;
    const names: string[] = [];
    let path = '/entities/by-query?filter=kind=component&limit=7&orderField=metadata.name,asc';
    for (let page = 0; page < 20; page++) {
      const { status, body } = await get(path, ada);
      expect(status).toBe(200);
      expect(body.totalItems).toBe(visible);
      names.push(...body.items.map((e: { metadata: { name: string } }) => e.metadata.name));
      if (!body.pageInfo.nextCursor) break;
      path = `/entities/by-query?cursor=${encodeURIComponent(body.pageInfo.nextCursor)}`;
    }
    expect(names).toHaveLength(visible);
    expect(new Set(names).size).toBe(visible);
    expect(names.every((n) => n.startsWith('team-a-') || n.startsWith('eng-'))).toBe(true);
    expect((await get('/entities/by-query?filter=kind=component&limit=1', root)).body.totalItems).toBe(
      visible + OWNED['team-b'],
    );
  });

  it('pages by entity id (the ownership refs drive the query) forward and back with the right totals', async () => {
    const visible = OWNED['team-a'] + OWNED.eng;
    const pages: string[][] = [];
    let body = (await get('/entities/by-query?filter=kind=component&limit=6', ada)).body;
    for (;;) {
      expect(body.totalItems).toBe(visible);
      pages.push(body.items.map((e: { metadata: { name: string } }) => e.metadata.name));
      if (!body.pageInfo.nextCursor) break;
      body = (await get(`/entities/by-query?cursor=${encodeURIComponent(body.pageInfo.nextCursor)}`, ada))
        .body;
    }
    const names = pages.flat();
    expect(new Set(names).size).toBe(visible);
    expect(names.every((n) => n.startsWith('team-a-') || n.startsWith('eng-'))).toBe(true);
    const back: string[][] = [];
    while (body.pageInfo.prevCursor) {
      body = (await get(`/entities/by-query?cursor=${encodeURIComponent(body.pageInfo.prevCursor)}`, ada))
        .body;
      back.unshift(body.items.map((e: { metadata: { name: string } }) => e.metadata.name));
    }
    expect(back).toEqual(pages.slice(0, -1));
  });

  it('counts facets over what the user may see only, and answers 404 for a hidden entity by name', async () => {
    const facets = (await get('/entity-facets?facet=kind&facet=spec.owner', ada)).body.facets;
    expect(facets.kind).toEqual([{ value: 'Component', count: OWNED['team-a'] + OWNED.eng }]);
    expect(facets['spec.owner'].map((f: { value: string }) => f.value).sort()).toEqual(['eng', 'team-a']);
    expect((await get('/entities/by-name/component/default/team-b-svc-00', ada)).status).toBe(404);
    expect((await get('/entities/by-name/component/default/team-a-svc-00', ada)).status).toBe(200);
    expect((await get('/entities/by-name/component/default/team-b-svc-00', root)).status).toBe(200);
  });

  it('lets an explicit deny win over an allow of every permission', async () => {
    const { body } = await get('/entities/by-name/component/default/team-b-svc-01', root);
    const response = await backend.fetch(`/api/catalog/entities/by-uid/${body.metadata.uid}`, {
      method: 'DELETE',
      token: root,
    });
    expect(response.status).toBe(403);
    expect((await get('/entities/by-name/component/default/team-b-svc-01', root)).status).toBe(200);
  });

  it('denies a user with no role everything, through the catalog too', async () => {
    const stranger = await backend.userToken('user:default/stranger');
    expect((await get('/entities/by-query?filter=kind=component', stranger)).body.totalItems).toBe(0);
  });
});
