import { createCredentials, type Permission } from '@atrium/kernel';
import { createStaticRbacPolicy } from '@atrium/rbac/backend';
import { percentile } from '../stats.js';
import { generatePolicy, type OrgSize, ownershipRefs } from './access-org.js';

const permissions: Permission[] = [
  {
    type: 'resource',
    name: 'catalog.entity.read',
    attributes: { action: 'read' },
    resourceType: 'catalog-entity',
  },
  {
    type: 'resource',
    name: 'catalog.entity.delete',
    attributes: { action: 'delete' },
    resourceType: 'catalog-entity',
  },
  { type: 'basic', name: 'catalog.location.create', attributes: { action: 'create' } },
  {
    type: 'resource',
    name: 'scaffolder.template.parameter.read',
    attributes: { action: 'read' },
    resourceType: 'scaffolder-template',
  },
  { type: 'basic', name: 'rbac.policy.read', attributes: { action: 'read' } },
];

/** p99 of one decision and of a batch of 100, in milliseconds, over the real RBAC policy object. */
export async function measureAuthorize(size: OrgSize, samples: number) {
  const policy = createStaticRbacPolicy(generatePolicy(size));
  const ask = (i: number) => {
    const user = (i * 7919) % size.users;
    const credentials = createCredentials({
      type: 'user',
      userEntityRef: `user:default/u${user}`,
      ownershipEntityRefs: ownershipRefs(user, size),
    });
    return policy.handle({ permission: permissions[i % permissions.length]! }, { credentials });
  };
  for (let i = 0; i < 2000; i++) await ask(i);
  const single: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await ask(i);
    single.push(performance.now() - started);
  }
  const batches: number[] = [];
  for (let b = 0; b < Math.max(50, samples / 100); b++) {
    const started = performance.now();
    await Promise.all(Array.from({ length: 100 }, (_, i) => ask(b * 100 + i)));
    batches.push(performance.now() - started);
  }
  return {
    single: { median: percentile(single, 50), p99: percentile(single, 99) },
    batch: { median: percentile(batches, 50), p99: percentile(batches, 99) },
  };
}
