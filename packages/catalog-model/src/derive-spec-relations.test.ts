import { describe, expect, it } from 'vitest';
import { type DerivedRelation, deriveSpecRelations } from './derive-spec-relations.js';
import type { Entity } from './entity.js';
import { stringifyEntityRef } from './entity-ref.js';
import { RELATION_PAIRS } from './relation-types.js';
import { SPEC_RELATION_RULES } from './spec-relation-rules.js';

function entity(kind: string, spec: Record<string, unknown>, namespace?: string): Entity {
  return {
    apiVersion: kind === 'Template' ? 'scaffolder.backstage.io/v1beta3' : 'backstage.io/v1alpha1',
    kind,
    metadata: namespace ? { name: 'me', namespace } : { name: 'me' },
    spec,
  };
}

const asStrings = (relations: DerivedRelation[]) =>
  relations.map(
    (relation) =>
      `${stringifyEntityRef(relation.source)} ${relation.type} ${stringifyEntityRef(relation.target)}`,
  );

// One row per line of the catalog contract's relation table: source kind, field, value,
// forward relation, inverse relation, and the resolved target for an entity in 'shop'.
const table: Array<[string, string, unknown, string, string, string]> = [
  ...['Component', 'API', 'Resource', 'System', 'Domain', 'Template'].map(
    (kind) =>
      [kind, 'owner', 'team-a', 'ownedBy', 'ownerOf', 'group:shop/team-a'] as [
        string,
        string,
        unknown,
        string,
        string,
        string,
      ],
  ),
  ...['Component', 'API', 'Resource'].map(
    (kind) =>
      [kind, 'system', 'store', 'partOf', 'hasPart', 'system:shop/store'] as [
        string,
        string,
        unknown,
        string,
        string,
        string,
      ],
  ),
  ['Component', 'subcomponentOf', 'web', 'partOf', 'hasPart', 'component:shop/web'],
  ['System', 'domain', 'commerce', 'partOf', 'hasPart', 'domain:shop/commerce'],
  ['Domain', 'subdomainOf', 'business', 'partOf', 'hasPart', 'domain:shop/business'],
  ['Component', 'providesApis', ['orders'], 'providesApi', 'apiProvidedBy', 'api:shop/orders'],
  ['Component', 'consumesApis', ['payments'], 'consumesApi', 'apiConsumedBy', 'api:shop/payments'],
  ['Component', 'dependsOn', ['resource:db'], 'dependsOn', 'dependencyOf', 'resource:shop/db'],
  ['Resource', 'dependsOn', ['resource:disk'], 'dependsOn', 'dependencyOf', 'resource:shop/disk'],
  ['Component', 'dependencyOf', ['component:app'], 'dependencyOf', 'dependsOn', 'component:shop/app'],
  ['Resource', 'dependencyOf', ['component:app'], 'dependencyOf', 'dependsOn', 'component:shop/app'],
  ['Group', 'parent', 'root', 'childOf', 'parentOf', 'group:shop/root'],
  ['Group', 'children', ['sub'], 'parentOf', 'childOf', 'group:shop/sub'],
  ['Group', 'members', ['jdoe'], 'hasMember', 'memberOf', 'user:shop/jdoe'],
  ['User', 'memberOf', ['team-a'], 'memberOf', 'hasMember', 'group:shop/team-a'],
];

describe('deriveSpecRelations', () => {
  it.each(table)(
    '%s.%s gives the forward and the inverse relation',
    (kind, field, value, forward, inverse, target) => {
      const source = `${kind.toLowerCase()}:shop/me`;
      const result = deriveSpecRelations(entity(kind, { [field]: value }, 'shop'));
      expect(result.errors).toEqual([]);
      expect(asStrings(result.relations)).toEqual([
        `${source} ${forward} ${target}`,
        `${target} ${inverse} ${source}`,
      ]);
    },
  );

  it('covers every rule of the table', () => {
    const covered = new Set(table.map(([kind, field]) => `${kind}.${field}`));
    const rules = SPEC_RELATION_RULES.flatMap((rule) => rule.kinds.map((kind) => `${kind}.${rule.field}`));
    expect([...covered].sort()).toEqual([...rules].sort());
  });

  it('pairs only built-in relation types with their inverses', () => {
    const pairs = new Set(RELATION_PAIRS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    for (const rule of SPEC_RELATION_RULES) expect(pairs.has(`${rule.forward}|${rule.inverse}`)).toBe(true);
  });

  it('uses the default namespace for an entity without one', () => {
    const { relations } = deriveSpecRelations(entity('Component', { owner: 'team-a' }));
    expect(asStrings(relations)).toEqual([
      'component:default/me ownedBy group:default/team-a',
      'group:default/team-a ownerOf component:default/me',
    ]);
  });

  it('keeps the kind and namespace written in a ref', () => {
    const { relations } = deriveSpecRelations(
      entity('Component', { owner: 'user:hr/jdoe', system: 'other/store' }, 'shop'),
    );
    expect(relations.map((relation) => relation.target).slice(0, 1)).toEqual([
      { kind: 'user', namespace: 'hr', name: 'jdoe' },
    ]);
    expect(asStrings(relations)).toContain('component:shop/me partOf system:other/store');
  });

  it('keeps casing in compound refs and stores the source as the entity', () => {
    const { relations } = deriveSpecRelations(entity('Component', { owner: 'Team-A' }, 'shop'));
    expect(relations[0]).toEqual({
      source: { kind: 'Component', namespace: 'shop', name: 'me' },
      type: 'ownedBy',
      target: { kind: 'Group', namespace: 'shop', name: 'Team-A' },
    });
  });

  it('derives every field of a full Component', () => {
    const spec = {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      system: 'store',
      providesApis: ['orders', 'api:billing'],
      consumesApis: ['payments'],
      dependsOn: ['resource:db', 'component:auth'],
    };
    const { relations, errors } = deriveSpecRelations(entity('Component', spec));
    expect(errors).toEqual([]);
    expect(relations).toHaveLength(14);
  });

  it('drops duplicate relations', () => {
    const { relations } = deriveSpecRelations(
      entity('Component', { providesApis: ['orders', 'API:default/Orders'] }),
    );
    expect(asStrings(relations)).toEqual([
      'component:default/me providesApi api:default/orders',
      'api:default/orders apiProvidedBy component:default/me',
    ]);
  });

  it('needs a kind in refs of fields without a default kind', () => {
    const { relations, errors } = deriveSpecRelations(
      entity('Component', { dependsOn: ['resource:db', 'foo'] }),
    );
    expect(asStrings(relations)).toEqual([
      'component:default/me dependsOn resource:default/db',
      'resource:default/db dependencyOf component:default/me',
    ]);
    expect(errors).toEqual([
      { path: 'spec.dependsOn[1]', message: 'spec.dependsOn[1] "foo" needs a kind, e.g. "component:foo"' },
    ]);
    const resource = deriveSpecRelations(entity('Resource', { dependencyOf: ['bar'] }));
    expect(resource.errors[0]?.message).toBe('spec.dependencyOf[0] "bar" needs a kind, e.g. "resource:bar"');
  });

  it('reports malformed refs and values, keeping the good ones', () => {
    const spec = { owner: 'group:', system: 5, providesApis: 'orders', consumesApis: ['', 'payments'] };
    const { relations, errors } = deriveSpecRelations(entity('Component', spec));
    expect(errors).toEqual([
      {
        path: 'spec.owner',
        message: 'spec.owner "group:" is not a valid entity ref; expected [<kind>:][<namespace>/]<name>',
      },
      { path: 'spec.system', message: 'spec.system must be an entity ref string, found number' },
      {
        path: 'spec.providesApis',
        message: 'spec.providesApis must be an array of entity refs, found "orders"',
      },
      {
        path: 'spec.consumesApis[0]',
        message: 'spec.consumesApis[0] "" is not a valid entity ref; expected [<kind>:][<namespace>/]<name>',
      },
    ]);
    expect(asStrings(relations)).toEqual([
      'component:default/me consumesApi api:default/payments',
      'api:default/payments apiConsumedBy component:default/me',
    ]);
  });

  it('ignores fields of other kinds and absent fields', () => {
    expect(deriveSpecRelations(entity('User', { owner: 'team-a', memberOf: [] }))).toEqual({
      relations: [],
      errors: [],
    });
    expect(deriveSpecRelations(entity('Location', { target: './x.yaml' }))).toEqual({
      relations: [],
      errors: [],
    });
    expect(
      deriveSpecRelations({ apiVersion: 'v1', kind: 'Component', metadata: { name: 'x' } }).relations,
    ).toEqual([]);
  });

  it('matches kinds case-insensitively', () => {
    expect(deriveSpecRelations(entity('component', { owner: 'team-a' })).relations).toHaveLength(2);
  });

  it('applies custom rules, e.g. for a plugin kind', () => {
    const rules = [
      {
        kinds: ['Widget'],
        field: 'madeBy',
        many: false,
        defaultKind: 'Group',
        forward: 'ownedBy',
        inverse: 'ownerOf',
      },
    ];
    const { relations } = deriveSpecRelations(entity('Widget', { madeBy: 'team-a' }), { rules });
    expect(asStrings(relations)).toEqual([
      'widget:default/me ownedBy group:default/team-a',
      'group:default/team-a ownerOf widget:default/me',
    ]);
  });
});
