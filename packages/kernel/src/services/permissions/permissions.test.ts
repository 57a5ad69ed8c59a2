import { startTestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { definePermission } from '../../definitions/define-permission.js';
import { definePlugin } from '../../definitions/define-plugin.js';
import { defineServiceFactory } from '../../definitions/service-factory.js';
import { createCredentials } from '../auth/credentials.js';
import { coreServices } from '../core-services.js';
import { mapCriteria } from './evaluate-criteria.js';
import type { PermissionsRegistryService, PermissionsService } from './permission-types.js';

const docRead = definePermission({
  name: 'docs.doc.read',
  attributes: { action: 'read' },
  resourceType: 'doc',
});
const docDelete = definePermission({
  name: 'docs.doc.delete',
  attributes: { action: 'delete' },
  resourceType: 'doc',
});
const undeclared = definePermission({ name: 'docs.secret.peek' });
// Every getResources call, to see a batch load its resources once.
const loads: string[][] = [];
const docs: Record<string, { owner: string }> = {
  'doc:a': { owner: 'user:default/ada' },
  'doc:b': { owner: 'user:default/bob' },
};

const ownerPolicy = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: () => ({
    async handle({ permission }, { credentials }) {
      if (credentials.principal.type !== 'user') return { result: 'DENY' as const };
      if (permission.name === 'docs.doc.delete') return { result: 'DENY' as const };
      return {
        result: 'CONDITIONAL' as const,
        pluginId: 'docs',
        resourceType: 'doc',
        conditions: {
          anyOf: [
            { rule: 'IS_OWNER', resourceType: 'doc', params: { owner: credentials.principal.userEntityRef } },
          ],
        },
      };
    },
  }),
});

async function start(features: Parameters<typeof startTestBackend>[0]['features'] = []) {
  let permissions: PermissionsService | undefined;
  let registry: PermissionsRegistryService | undefined;
  const plugin = definePlugin({
    id: 'docs',
    deps: { permissions: coreServices.permissions, registry: coreServices.permissionsRegistry },
    permissions: [docRead, docDelete],
    init({ deps }) {
      permissions = deps.permissions;
      registry = deps.registry;
      deps.registry.addResourceType<{ owner: string }>({
        resourceType: 'doc',
        getResources: async (refs) => {
          loads.push(refs);
          return refs.map((ref) => docs[ref]);
        },
        rules: [
          {
            name: 'IS_OWNER',
            description: 'owned by',
            resourceType: 'doc',
            apply: (doc, params) => doc.owner === params.owner,
            toQuery: (params) => ({ owner: params.owner }),
            paramsSchema: { type: 'object', properties: { owner: { type: 'string' } } },
          },
        ],
      });
    },
  });
  const backend = await startTestBackend({ features: [...features, plugin] });
  return { backend, permissions: permissions!, registry: registry! };
}

const ada = createCredentials({
  type: 'user' as const,
  userEntityRef: 'user:default/ada',
  ownershipEntityRefs: [],
});

describe('permissions', () => {
  it('allows signed-in callers and denies anonymous ones by default', async () => {
    const { backend, permissions } = await start();
    const none = createCredentials({ type: 'none' as const });
    expect(await permissions.authorize([{ permission: docRead }], { credentials: ada })).toEqual([
      { result: 'ALLOW' },
    ]);
    expect(await permissions.authorize([{ permission: docRead }], { credentials: none })).toEqual([
      { result: 'DENY' },
    ]);
    await backend.stop();
  });

  it('refuses to check a permission no plugin declares', async () => {
    const { backend, permissions } = await start();
    await expect(
      permissions.authorize([{ permission: undeclared }], { credentials: ada }),
    ).rejects.toThrowError(/permission 'docs.secret.peek' is checked but no installed plugin declares it/);
    await backend.stop();
  });

  it('resolves conditional decisions against the resource when a ref is given', async () => {
    const { backend, permissions } = await start([ownerPolicy]);
    const decisions = await permissions.authorize(
      [
        { permission: docRead, resourceRef: 'doc:a' },
        { permission: docRead, resourceRef: 'doc:b' },
        { permission: docRead, resourceRef: 'doc:missing' },
        { permission: docDelete, resourceRef: 'doc:a' },
      ],
      { credentials: ada },
    );
    expect(decisions.map((d) => d.result)).toEqual(['ALLOW', 'DENY', 'DENY', 'DENY']);
    await backend.stop();
  });

  it('loads the resources of a batch once, each ref once, and answers in request order', async () => {
    const { backend, permissions } = await start([ownerPolicy]);
    loads.length = 0;
    const refs = ['doc:b', 'doc:a', 'doc:missing', 'doc:a', 'doc:b'];
    const decisions = await permissions.authorize(
      refs.map((resourceRef) => ({ permission: docRead, resourceRef })),
      { credentials: ada },
    );
    expect(decisions.map((d) => d.result)).toEqual(['DENY', 'ALLOW', 'DENY', 'ALLOW', 'DENY']);
    expect(loads).toEqual([['doc:b', 'doc:a', 'doc:missing']]);
    await backend.stop();
  });

  it('returns conditions to callers that filter in their own queries', async () => {
    const { backend, permissions } = await start([ownerPolicy]);
    const [decision] = await permissions.authorizeConditional([{ permission: docRead }], {
      credentials: ada,
    });
    expect(decision?.result).toBe('CONDITIONAL');
    if (decision?.result === 'CONDITIONAL') {
      const filter = mapCriteria(decision.conditions, (c) => `owner=${String(c.params?.owner)}`, {
        allOf: (xs) => xs.join(' AND '),
        anyOf: (xs) => `(${xs.join(' OR ')})`,
        not: (x) => `NOT ${x}`,
      });
      expect(filter).toBe('(owner=user:default/ada)');
    }
    await backend.stop();
  });

  it('lists the registered resource types with their rules and params schemas, without their code', async () => {
    const { backend, registry } = await start();
    expect(registry.listResourceTypes()).toEqual([
      {
        resourceType: 'doc',
        pluginId: 'docs',
        rules: [
          {
            name: 'IS_OWNER',
            description: 'owned by',
            paramsSchema: { type: 'object', properties: { owner: { type: 'string' } } },
          },
        ],
      },
    ]);
    await backend.stop();
  });
});
