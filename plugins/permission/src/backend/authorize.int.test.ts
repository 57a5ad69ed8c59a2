import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogPlugin } from '@atrium/catalog/backend';
import { rbacPermissionPolicyFactory, rbacPlugin } from '@atrium/rbac/backend';
import {
  createTestDatabase,
  startTestBackend,
  type TestBackend,
  type TestDatabase,
  testDatabaseKinds,
} from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { permissionPlugin } from './plugin.js';

// ada (team-a) reads what her teams own; root may do everything but delete (a deny for
// everyone wins); the static token may ask only about catalog.entity.read.
const policy = {
  roles: [
    {
      name: 'team-readers',
      members: ['group:default/team-a'],
      rules: [
        {
          permission: 'catalog.entity.read',
          effect: 'allow',
          conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: ['$ownerRefs'] } },
        },
        { permission: 'catalog.location.read', effect: 'allow' },
      ],
    },
    { name: 'operators', members: ['user:default/root'], rules: [{ permission: '*', effect: 'allow' }] },
    { name: 'no-deletes', members: ['*'], rules: [{ action: 'delete', effect: 'deny' }] },
  ],
};
const entity = (kind: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});
const catalog = [
  entity('Group', 'team-a', { type: 'team', children: [] }),
  entity('Group', 'team-b', { type: 'team', children: [] }),
  entity('User', 'ada', { memberOf: ['team-a'] }),
  entity('Component', 'a-svc', { type: 'service', lifecycle: 'production', owner: 'team-a' }),
  entity('Component', 'b-svc', { type: 'service', lifecycle: 'production', owner: 'team-b' }),
];

const read = {
  type: 'resource',
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
};
const remove = { ...read, name: 'catalog.entity.delete', attributes: { action: 'delete' } };
const locationRead = { type: 'basic', name: 'catalog.location.read', attributes: { action: 'read' } };
const STATIC_TOKEN = 'authorize-test-static-token-0123456789';

describe.each(testDatabaseKinds())('POST /api/permission/authorize on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-permission-'));
  let database: TestDatabase;
  let backend: TestBackend;
  let ada: string;
  let root: string;
  const authorize = async (body: unknown, token?: string) => {
    const response = await backend.fetch('/api/permission/authorize', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    writeFileSync(join(dir, 'org.yaml'), catalog.map((e) => stringify(e)).join('---\n'));
    writeFileSync(join(dir, 'policy.yaml'), stringify(policy));
    database = await createTestDatabase(kind);
    backend = await startTestBackend({
      features: [catalogPlugin, rbacPlugin, rbacPermissionPolicyFactory, permissionPlugin],
      config: {
        backend: {
          database: database.config,
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: STATIC_TOKEN, subject: 'reporting' },
                accessRestrictions: [{ plugin: 'permission', permission: 'catalog.entity.read' }],
              },
            ],
          },
        },
        catalog: {
          rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
          locations: [{ type: 'file', target: join(dir, 'org.yaml') }],
          processing: { pollInterval: { milliseconds: 40 } },
        },
        permission: { rbac: { policyFile: join(dir, 'policy.yaml'), groupRefreshSeconds: 0.05 } },
      },
    });
    ada = await backend.userToken('user:default/ada', ['user:default/ada', 'group:default/team-a']);
    root = await backend.userToken('user:default/root');
    for (let i = 0; i < 400; i++) {
      const response = await backend.fetch('/api/catalog/entities/by-query?filter=kind=component', {
        token: root,
      });
      if (((await response.json()) as { totalItems: number }).totalItems === 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 60_000);
  afterAll(async () => {
    await backend?.stop();
    await database?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a user's batch by id: conditional without a resource, resolved with one", async () => {
    const { status, body } = await authorize(
      {
        items: [
          { id: 'list', permission: read },
          { id: 'own', permission: read, resourceRef: 'component:default/a-svc' },
          { id: 'other', permission: read, resourceRef: 'component:default/b-svc' },
          { id: 'missing', permission: read, resourceRef: 'component:default/nope' },
          { id: 'delete', permission: remove },
          { id: 'locations', permission: locationRead },
        ],
      },
      ada,
    );
    expect(status).toBe(200);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([
      'list',
      'own',
      'other',
      'missing',
      'delete',
      'locations',
    ]);
    const [list, ...rest] = body.items;
    expect(list).toMatchObject({
      id: 'list',
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
    });
    expect(list.conditions).toMatchObject({ rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity' });
    expect(list.conditions.params.claims).toEqual(
      expect.arrayContaining(['user:default/ada', 'group:default/team-a']),
    );
    expect(rest.map((i: { result: string }) => i.result)).toEqual(['ALLOW', 'DENY', 'DENY', 'DENY', 'ALLOW']);
  });

  it('lets the policy decide for other users and for services, within their access restrictions', async () => {
    const items = [
      { id: 'read', permission: read },
      { id: 'delete', permission: remove, resourceRef: 'component:default/a-svc' },
    ];
    const results = async (token: string) =>
      (await authorize({ items }, token)).body.items.map((i: { result: string }) => i.result);
    expect(await results(root)).toEqual(['ALLOW', 'DENY']);
    expect(await results(await backend.serviceToken('permission'))).toEqual(['ALLOW', 'ALLOW']);
    expect(await results(STATIC_TOKEN)).toEqual(['ALLOW', 'DENY']);
  });

  it('refuses an anonymous caller', async () => {
    expect((await authorize({ items: [{ id: '1', permission: read }] })).status).toBe(401);
  });

  it.each([
    ['no items', {}, 'items'],
    ['an empty batch', { items: [] }, 'items'],
    ['an item without a permission', { items: [{ id: '1' }] }, 'permission'],
    [
      'an undeclared permission',
      { items: [{ id: 'x', permission: { ...read, name: 'catalog.entity.fly' } }] },
      "items[0] (id 'x'): permission 'catalog.entity.fly' is not declared",
    ],
    [
      'a misdescribed permission',
      { items: [{ id: 'x', permission: { ...read, type: 'basic' } }] },
      "is a resource permission of 'catalog-entity', but the request says it is a basic permission",
    ],
    [
      'a resourceRef on a basic permission',
      { items: [{ id: 'x', permission: locationRead, resourceRef: 'location:default/x' }] },
      'resourceRef is only for resource permissions',
    ],
    [
      'a repeated id',
      {
        items: [
          { id: 'x', permission: read },
          { id: 'x', permission: remove },
        ],
      },
      "id 'x' is used by more than one item",
    ],
  ])('answers %s with a 400 that says why', async (_name, body, message) => {
    const reply = await authorize(body, ada);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain(message);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = await (await backend.fetch('/api/permission/openapi.json')).json();
    expect(doc.paths['/authorize'].post.requestBody).toBeDefined();
    expect(doc.servers?.[0]?.url ?? '').toContain('/api/permission');
  });
});
