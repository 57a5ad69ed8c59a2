import { createCredentials, type Permission, type PolicyDecision } from '@atrium/kernel';
import { describe, expect, it } from 'vitest';
import { type RbacPolicyInput, rbacPolicySchema } from '../common/index.js';
import { compilePolicy } from './compile-policy.js';
import { createRbacPolicy } from './create-rbac-policy.js';
import { buildMembershipGraph, expandMembership } from './group-membership.js';

const entityRead: Permission = {
  type: 'resource',
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
};
const entityDelete: Permission = {
  type: 'resource',
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
};
const locationCreate: Permission = {
  type: 'basic',
  name: 'catalog.location.create',
  attributes: { action: 'create' },
};
const taskCreate: Permission = {
  type: 'basic',
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
};
const policyRead: Permission = { type: 'basic', name: 'rbac.policy.read', attributes: { action: 'read' } };

const owner = { rule: 'IS_ENTITY_OWNER', params: { claims: ['$ownerRefs'] } };
const system = { rule: 'HAS_SPEC', params: { key: 'system', value: 'payments' } };

// The org: team-a sits under department eng; ada is in team-a, bob in nothing.
const graph = buildMembershipGraph([
  {
    kind: 'Group',
    metadata: { name: 'team-a' },
    relations: [{ type: 'childOf', targetRef: 'group:default/eng' }],
  },
  {
    kind: 'Group',
    metadata: { name: 'eng' },
    relations: [{ type: 'childOf', targetRef: 'group:default/team-a' }],
  },
  {
    kind: 'User',
    metadata: { name: 'ada' },
    relations: [{ type: 'memberOf', targetRef: 'group:default/team-a' }],
  },
]);

function policyOf(input: RbacPolicyInput, admins: string[] = []) {
  const compiled = compilePolicy(rbacPolicySchema.parse(input));
  const policy = createRbacPolicy({
    current: () => compiled,
    admins: new Set(admins),
    membership: (user, refs) => expandMembership(graph, user, refs),
    pluginIdOf: (p) => p.name.split('.')[0]!,
  });
  return (
    permission: Permission,
    user = 'user:default/ada',
    refs: string[] = [user],
  ): Promise<PolicyDecision> =>
    policy.handle(
      { permission },
      { credentials: createCredentials({ type: 'user', userEntityRef: user, ownershipEntityRefs: refs }) },
    );
}

describe('RBAC decisions', () => {
  it('denies when no rule matches, and allows what a role held through a group allows', async () => {
    const decide = policyOf({
      roles: [
        {
          name: 'readers',
          members: ['group:default/team-a'],
          rules: [{ permission: 'catalog.entity.read', effect: 'allow' }],
        },
      ],
    });
    expect(await decide(entityRead)).toEqual({ result: 'ALLOW' });
    expect(await decide(entityDelete)).toEqual({ result: 'DENY' });
    expect(await decide(entityRead, 'user:default/bob')).toEqual({ result: 'DENY' });
  });

  it('counts group membership transitively through parent groups, cycles included', async () => {
    const decide = policyOf({
      roles: [
        { name: 'eng', members: ['group:eng'], rules: [{ resourceType: 'catalog-entity', effect: 'allow' }] },
      ],
    });
    expect(await decide(entityDelete)).toEqual({ result: 'ALLOW' });
    // From the token's groups too, for users the catalog does not list.
    expect(
      await decide(entityDelete, 'user:default/carol', ['user:default/carol', 'group:default/team-a']),
    ).toEqual({ result: 'ALLOW' });
    expect(await decide(entityDelete, 'user:default/bob')).toEqual({ result: 'DENY' });
  });

  it('matches by name, resource type, action or *, all given fields together', async () => {
    const decide = policyOf({
      roles: [
        { name: 'creators', members: ['user:default/ada'], rules: [{ action: 'create', effect: 'allow' }] },
        {
          name: 'readers',
          members: ['user:default/bob'],
          rules: [{ resourceType: 'catalog-entity', action: 'read', effect: 'allow' }],
        },
        { name: 'everything', members: ['user:default/root'], rules: [{ permission: '*', effect: 'allow' }] },
      ],
    });
    expect(
      [await decide(locationCreate), await decide(taskCreate), await decide(entityRead)].map((d) => d.result),
    ).toEqual(['ALLOW', 'ALLOW', 'DENY']);
    expect(
      [await decide(entityRead, 'user:default/bob'), await decide(entityDelete, 'user:default/bob')].map(
        (d) => d.result,
      ),
    ).toEqual(['ALLOW', 'DENY']);
    expect((await decide(taskCreate, 'user:default/root')).result).toBe('ALLOW');
  });

  it('lets an explicit deny win over an allow from any role', async () => {
    const decide = policyOf({
      roles: [
        { name: 'all', members: ['*'], rules: [{ permission: '*', effect: 'allow' }] },
        { name: 'no-delete', members: ['group:default/eng'], rules: [{ action: 'delete', effect: 'deny' }] },
      ],
    });
    expect(await decide(entityDelete)).toEqual({ result: 'DENY' });
    expect(await decide(entityRead)).toEqual({ result: 'ALLOW' });
    expect(await decide(entityDelete, 'user:default/bob')).toEqual({ result: 'ALLOW' });
  });

  it('ORs conditional allows across roles and binds $ownerRefs to the caller', async () => {
    const decide = policyOf({
      roles: [
        {
          name: 'own',
          members: ['group:default/team-a'],
          rules: [{ permission: 'catalog.entity.read', effect: 'allow', conditions: owner }],
        },
        {
          name: 'payments',
          members: ['user:default/ada'],
          rules: [{ resourceType: 'catalog-entity', action: 'read', effect: 'allow', conditions: system }],
        },
      ],
    });
    const decision = await decide(entityRead);
    expect(decision).toMatchObject({
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
    });
    const conditions = (
      decision as { conditions: { anyOf: Array<{ rule: string; params: Record<string, unknown> }> } }
    ).conditions;
    expect(conditions.anyOf.map((c) => c.rule).sort()).toEqual(['HAS_SPEC', 'IS_ENTITY_OWNER']);
    const claims = conditions.anyOf.find((c) => c.rule === 'IS_ENTITY_OWNER')!.params.claims as string[];
    expect(claims.sort()).toEqual(['group:default/eng', 'group:default/team-a', 'user:default/ada']);
  });

  it('narrows an unconditional allow by a conditional deny, and lets an unconditional allow win over conditional allows', async () => {
    const decide = policyOf({
      roles: [
        {
          name: 'all',
          members: ['*'],
          rules: [
            { permission: 'catalog.entity.read', effect: 'allow' },
            { permission: 'catalog.entity.delete', effect: 'allow', conditions: owner },
          ],
        },
        {
          name: 'deleters',
          members: ['user:default/bob'],
          rules: [{ permission: 'catalog.entity.delete', effect: 'allow' }],
        },
        {
          name: 'hide',
          members: ['user:default/ada'],
          rules: [{ permission: 'catalog.entity.read', effect: 'deny', conditions: system }],
        },
      ],
    });
    expect(await decide(entityRead)).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        not: {
          rule: 'HAS_SPEC',
          resourceType: 'catalog-entity',
          params: { key: 'system', value: 'payments' },
        },
      },
    });
    expect(await decide(entityDelete, 'user:default/bob')).toEqual({ result: 'ALLOW' });
    expect((await decide(entityDelete)).result).toBe('CONDITIONAL');
  });

  it('ignores a conditional allow on a basic permission, and treats a conditional deny there as a deny', async () => {
    const decide = policyOf({
      roles: [
        {
          name: 'odd',
          members: ['user:default/ada'],
          rules: [{ action: 'create', effect: 'allow', conditions: owner }],
        },
        {
          name: 'all',
          members: ['user:default/bob'],
          rules: [
            { permission: '*', effect: 'allow' },
            { permission: 'scaffolder.task.create', effect: 'deny', conditions: owner },
          ],
        },
      ],
    });
    expect(await decide(locationCreate)).toEqual({ result: 'DENY' });
    expect(await decide(taskCreate, 'user:default/bob')).toEqual({ result: 'DENY' });
    expect(await decide(locationCreate, 'user:default/bob')).toEqual({ result: 'ALLOW' });
  });

  it('gives admins the rbac permissions only, and denies anonymous callers while allowing plugins', async () => {
    const decide = policyOf({ roles: [] }, ['group:default/eng']);
    expect(await decide(policyRead)).toEqual({ result: 'ALLOW' });
    expect(await decide(entityRead)).toEqual({ result: 'DENY' });
    expect(await decide(policyRead, 'user:default/bob')).toEqual({ result: 'DENY' });
    const compiled = compilePolicy({ roles: [] });
    const policy = createRbacPolicy({
      current: () => compiled,
      admins: new Set(),
      membership: (u) => [u],
      pluginIdOf: () => 'x',
    });
    const none = createCredentials({ type: 'none' });
    const service = createCredentials({ type: 'service', subject: 'plugin:catalog' });
    expect(await policy.handle({ permission: entityRead }, { credentials: none })).toEqual({
      result: 'DENY',
    });
    expect(await policy.handle({ permission: entityRead }, { credentials: service })).toEqual({
      result: 'ALLOW',
    });
  });

  it('sends a condition that several roles repeat once', async () => {
    const decide = policyOf({
      roles: ['a', 'b', 'c'].map((name) => ({
        name,
        members: ['group:default/team-a'],
        rules: [{ permission: 'catalog.entity.read', effect: 'allow' as const, conditions: owner }],
      })),
    });
    const decision = await decide(entityRead);
    expect(decision).toMatchObject({ result: 'CONDITIONAL', conditions: { rule: 'IS_ENTITY_OWNER' } });
  });
});
