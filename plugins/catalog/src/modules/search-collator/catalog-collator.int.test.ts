import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PortalSearch, startPortalSearch } from './__fixtures__/start-portal-search.js';

const RESTRICTED = 'user:default/restricted';
const CHECKOUT = 'group:default/team-checkout';

// As an organisation writes one: the restricted user reads only what their groups own.
const ownerOnlyPolicy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const { principal } = credentials;
    if (principal.type === 'none') return { result: 'DENY' };
    if (
      principal.type !== 'user' ||
      principal.userEntityRef !== RESTRICTED ||
      permission.name !== 'catalog.entity.read'
    ) {
      return { result: 'ALLOW' };
    }
    return {
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: principal.ownershipEntityRefs },
      },
    };
  },
};

describe.each(testDatabaseKinds())('the catalog collator on %s', (kind) => {
  let portal: PortalSearch;
  const folder = mkdtempSync(join(tmpdir(), 'atrium-search-collator-'));
  beforeAll(async () => {
    portal = await startPortalSearch(
      kind,
      [
        defineServiceFactory({
          service: coreServices.permissionPolicy,
          deps: {},
          factory: () => ownerOnlyPolicy,
        }),
      ],
      [folder],
    );
    await portal.waitUntilIndexed();
  }, 120_000);
  afterAll(async () => {
    await portal?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('indexes entities in Backstage’s document shape', async () => {
    const { body } = await portal.search('term=payments-service&pageLimit=1');
    expect(body.results[0]).toMatchObject({
      type: 'software-catalog',
      document: {
        title: 'Payments service',
        location: '/catalog/default/component/payments-service',
        authorization: { resourceRef: 'component:default/payments-service' },
        kind: 'Component',
        owner: 'team-checkout',
        lifecycle: 'production',
        componentType: 'service',
      },
    });
  });

  it('shows a conditionally allowed user only what the catalog lets them read, counted before paging', async () => {
    const restricted = await portal.backend.userToken(RESTRICTED, [RESTRICTED, CHECKOUT]);
    const everyone = await portal.search('term=&filters[kind]=component&pageLimit=100');
    const owned = everyone.body.results.filter(
      (r) => (r.document as { owner?: string }).owner === 'team-checkout',
    );
    expect(owned.length).toBeGreaterThan(2);
    expect(owned.length).toBeLessThan(everyone.body.results.length);
    const first = await portal.search('term=&filters[kind]=component&pageLimit=2', restricted);
    expect(first.body.numberOfResults).toBe(owned.length);
    expect(first.body.results).toHaveLength(2);
    const all = await portal.search('term=&filters[kind]=component&pageLimit=100', restricted);
    expect(all.body.results.map((r) => r.document.location).sort()).toEqual(
      owned.map((r) => r.document.location).sort(),
    );
    const hidden = await portal.search('term=OpenSearch', restricted);
    expect(hidden.body).toEqual({ results: [], numberOfResults: 0 });
  });

  it('makes a registered entity searchable and an unregistered one unsearchable through catalog events', async () => {
    const file = join(folder, 'catalog-info.yaml');
    writeFileSync(
      file,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: zephyr-gateway, description: Routes zephyr traffic }\nspec: { type: service, lifecycle: experimental, owner: team-checkout }\n',
    );
    const registered = await portal.backend.fetch('/api/catalog/locations', {
      method: 'POST',
      token: portal.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'file', target: file }),
    });
    expect(registered.status).toBe(201);
    const found = await waitForSearch(portal, 'term=zephyr', (body) => body.results.length === 1);
    expect(found.results[0]!.document.title).toBe('zephyr-gateway');
    // Unregistering the location removes its entity (a lone entity delete would come back on refresh).
    const { location } = (await registered.json()) as { location: { id: string } };
    const deleted = await portal.backend.fetch(`/api/catalog/locations/${location.id}`, {
      method: 'DELETE',
      token: portal.token,
    });
    expect(deleted.status).toBe(204);
    await waitForSearch(portal, 'term=zephyr', (body) => body.results.length === 0);
  });
});

async function waitForSearch(
  portal: PortalSearch,
  query: string,
  done: (body: Awaited<ReturnType<PortalSearch['search']>>['body']) => boolean,
) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { body } = await portal.search(query);
    if (done(body)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`'${query}' did not reach the expected state within 10 s`);
}
