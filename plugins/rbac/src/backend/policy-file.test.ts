import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from './diff-policies.js';
import { parsePolicyText, policyToYaml } from './policy-file.js';

const example = new URL('../../../../examples/rbac/policy.yaml', import.meta.url);

describe('the policy file', () => {
  it('parses the example policy npm start seeds, and exports it as the same document', () => {
    const policy = parsePolicyText(readFileSync(example, 'utf8'), 'examples/rbac/policy.yaml');
    expect(policy.roles.map((r) => r.name)).toEqual([
      'development-guest',
      'everyone',
      'owners',
      'plugin-admins',
    ]);
    expect(parsePolicyText(policyToYaml(policy), 'export')).toEqual(policy);
  });

  it('exports shared objects in full, not as YAML aliases the parser limits', () => {
    const conditions = { rule: 'IS_ENTITY_OWNER', params: { claims: ['$ownerRefs'] } };
    const roles = Array.from({ length: 150 }, (_, i) => ({
      name: `r${i}`,
      members: [],
      rules: [{ permission: 'catalog.entity.read', effect: 'allow' as const, conditions }],
    }));
    expect(parsePolicyText(policyToYaml({ roles }), 'export').roles).toHaveLength(150);
  });

  it('names the role and the field of each problem', () => {
    const text = [
      'roles:',
      '  - name: ok',
      '    members: [user:default/a]',
      '  - name: broken',
      '    members: [team-a]',
      '    rules:',
      '      - { effect: allow }',
      '      - { permission: x.y.z, effect: perhaps }',
    ].join('\n');
    expect(() => parsePolicyText(text, "policy file 'p.yaml'")).toThrowError(
      /^policy file 'p.yaml': role 'broken' \(roles\[1\]\), field 'members\[0\]': must be a user or group ref.*; role 'broken' \(roles\[1\]\), field 'rules\[0\]': needs at least one of 'permission'.*; role 'broken' \(roles\[1\]\), field 'rules\[1\].effect': Invalid option/,
    );
    expect(() => parsePolicyText('roles: [{ name: ok }, { name: OK }]', 'p')).toThrowError(
      /role 'OK' \(roles\[1\]\), field 'name': is used by an earlier role/,
    );
    expect(() => parsePolicyText('roles: [', 'p.yaml')).toThrowError(/p.yaml is not valid YAML/);
    const deep = { rule: 'R' } as Record<string, unknown>;
    let tree: Record<string, unknown> = deep;
    for (let i = 0; i < 14; i++) tree = { not: tree };
    expect(() =>
      parsePolicyText(
        JSON.stringify({
          roles: [{ name: 'd', rules: [{ permission: 'a.b', effect: 'allow', conditions: tree }] }],
        }),
        'p',
      ),
    ).toThrowError(
      /role 'd' \(roles\[0\]\), field 'rules\[0\].conditions': the condition tree is nested 15 deep; at most 12/,
    );
  });

  it('normalises member refs to lower case with the default namespace', () => {
    const policy = parsePolicyText('roles: [{ name: r, members: [User:Ada, group:ops/SRE, "*"] }]', 'p');
    expect(policy.roles[0]?.members).toEqual(['user:default/ada', 'group:ops/sre', '*']);
  });
});

describe('diffPolicies', () => {
  it('reports roles added, removed and changed, with members, rules and description', () => {
    const rule = { permission: 'a.b', effect: 'allow' as const };
    const before = {
      roles: [
        { name: 'Keep', members: ['user:default/a'], rules: [rule] },
        { name: 'gone', members: [], rules: [] },
      ],
    };
    const after = {
      roles: [
        {
          name: 'keep',
          description: 'now described',
          members: ['user:default/b'],
          rules: [{ ...rule, effect: 'deny' as const }],
        },
        { name: 'new', members: [], rules: [] },
      ],
    };
    expect(diffPolicies(before, after, { from: 1, to: 'draft' })).toEqual({
      from: 1,
      to: 'draft',
      added: [after.roles[1]],
      removed: [before.roles[1]],
      changed: [
        {
          name: 'keep',
          description: { from: undefined, to: 'now described' },
          membersAdded: ['user:default/b'],
          membersRemoved: ['user:default/a'],
          rulesAdded: [{ permission: 'a.b', effect: 'deny' }],
          rulesRemoved: [rule],
        },
      ],
    });
    expect(diffPolicies(after, after, { from: 2, to: 2 })).toMatchObject({
      added: [],
      removed: [],
      changed: [],
    });
  });
});
