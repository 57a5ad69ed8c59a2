import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { relationKeys } from './compat-fixtures.js';
import { describeCompat } from './describe-compat.js';

// Expected relations per catalog contract §5: each spec field yields a forward relation on
// the entity and the inverse on the target; targets are lowercased canonical refs, and a
// namespaceless ref takes the referring entity's namespace.
const EXPECTED: Record<string, string[]> = {
  'component:default/shop-frontend': [
    'consumesApi api:default/orders-api',
    'dependsOn component:default/shop-backend',
    'ownedBy group:default/team-a',
    'partOf system:default/shop',
  ],
  'component:default/shop-backend': [
    'dependencyOf component:default/shop-frontend',
    'dependsOn resource:default/shop-db',
    'hasPart component:default/deep-worker',
    'ownedBy group:default/team-a',
    'partOf system:default/shop',
    'providesApi api:default/orders-api',
  ],
  'component:default/paymentgateway': [
    'consumesApi api:default/orders-api',
    'ownedBy user:default/alice',
    'partOf system:default/shop',
  ],
  'api:default/orders-api': [
    'apiConsumedBy component:default/paymentgateway',
    'apiConsumedBy component:default/shop-frontend',
    'apiProvidedBy component:default/shop-backend',
    'ownedBy group:default/team-a',
    'partOf system:default/shop',
  ],
  'system:default/shop': [
    'hasPart api:default/orders-api',
    'hasPart component:default/paymentgateway',
    'hasPart component:default/shop-backend',
    'hasPart component:default/shop-frontend',
    'hasPart resource:default/shop-db',
    'ownedBy group:default/team-a',
    'partOf domain:default/retail',
  ],
  'domain:default/retail': ['hasPart system:default/shop', 'ownedBy group:default/acme'],
  'group:default/acme': [
    'ownerOf domain:default/retail',
    'parentOf group:default/team-a',
    'parentOf group:default/team-b',
  ],
  'group:default/team-a': [
    'childOf group:default/acme',
    'hasMember user:default/alice',
    'hasMember user:default/bob',
    'ownerOf api:default/orders-api',
    'ownerOf component:default/shop-backend',
    'ownerOf component:default/shop-frontend',
    'ownerOf component:default/survivor',
    'ownerOf resource:default/shop-db',
    'ownerOf system:default/shop',
    'parentOf group:default/team-c',
  ],
  'group:default/team-b': [
    'childOf group:default/acme',
    'hasMember user:default/bob',
    'ownerOf api:platform/events',
    'ownerOf component:platform/deployer',
    'ownerOf template:default/create-service',
  ],
  'user:default/alice': ['memberOf group:default/team-a', 'ownerOf component:default/paymentgateway'],
  'user:default/bob': ['memberOf group:default/team-a', 'memberOf group:default/team-b'],
  'user:default/dave': [],
  'system:platform/infra': ['hasPart component:platform/deployer', 'ownedBy group:platform/team-b'],
  'component:platform/deployer': ['ownedBy group:default/team-b', 'partOf system:platform/infra'],
  'template:default/create-service': ['ownedBy group:default/team-b'],
  'component:default/deep-worker': [
    'dependsOn resource:default/deep-queue',
    'ownedBy group:default/team-c',
    'partOf component:default/shop-backend',
  ],
  'resource:default/deep-queue': [
    'dependencyOf component:default/deep-worker',
    'ownedBy group:default/team-c',
  ],
};

describeCompat('relations', (compat) => {
  it.each(Object.entries(EXPECTED))(
    '%s has exactly the relations its and others’ specs imply',
    async (ref, expected) => {
      const entity = await compat().client.getEntityByRef(ref);
      expect(entity, ref).toBeDefined();
      expect([...new Set(relationKeys(entity))].sort()).toEqual(expected);
    },
  );

  it('serves relations sorted by type, then target', async () => {
    for (const ref of Object.keys(EXPECTED)) {
      const served = relationKeys(await compat().client.getEntityByRef(ref));
      const sorted = [...served].sort((a, b) => {
        const [typeA = '', targetA = ''] = a.split(' ');
        const [typeB = '', targetB = ''] = b.split(' ');
        return typeA === typeB
          ? targetA < targetB
            ? -1
            : targetA > targetB
              ? 1
              : 0
          : typeA < typeB
            ? -1
            : 1;
      });
      expect(served, ref).toEqual(sorted);
    }
  });

  it('does not serve the same relation twice when two specs imply it', async () => {
    // team-a lists alice in `members` and alice lists team-a in `memberOf`.
    const teamA = relationKeys(await compat().client.getEntityByRef('group:default/team-a'));
    expect(teamA.filter((key) => key === 'hasMember user:default/alice')).toHaveLength(1);
  });

  it('serves relations to entities that do not exist (dangling)', async () => {
    const infra = await compat().client.getEntityByRef('system:platform/infra');
    expect(relationKeys(infra)).toContain('ownedBy group:platform/team-b');
    expect(await compat().client.getEntityByRef('group:platform/team-b')).toBeUndefined();
  });

  it('replaces a $text placeholder with the content of the sibling file', async () => {
    const api = await compat().client.getEntityByRef('api:default/orders-api');
    const expected = readFileSync(join(compat().catalogDir, 'systems/openapi/orders.yaml'), 'utf8');
    expect(api?.spec?.definition).toBe(expected);
  });
});
