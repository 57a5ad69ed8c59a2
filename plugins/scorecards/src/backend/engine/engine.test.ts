import { describe, expect, it } from 'vitest';
import type { Check, Track } from '../../common/index.js';
import { certify } from './certify.js';
import { compileRule, type FactValue } from './compile-rule.js';
import { matchesEntityFilter } from './entity-filter.js';
import { evaluateCheck } from './evaluate-check.js';
import { compileJsonPath } from './json-path.js';
import { compileOperator } from './operators.js';
import { assertNoTrackCycle } from './track-dependencies.js';

const entity = {
  kind: 'Component',
  metadata: { name: 'shop', tags: ['java', 'tier-1'], annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
  spec: { owner: 'team-a', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};

describe('operators', () => {
  it('compares, matches, contains and checks semver ranges', () => {
    expect(compileOperator('greaterThanInclusive', 80)(80)).toBe(true);
    expect(compileOperator('lessThan', 80)('79')).toBe(false);
    expect(compileOperator('matches', '^sh')('shop')).toBe(true);
    expect(compileOperator('contains', 'java')(['java'])).toBe(true);
    expect(compileOperator('in', ['a', 'b'])('b')).toBe(true);
    expect(compileOperator('exists', undefined)(null)).toBe(false);
    expect(compileOperator('semverSatisfies', '>=20')('>=20.19')).toBe(true);
    expect(compileOperator('semverSatisfies', '>=20')('18.x')).toBe(false);
  });

  it('refuses a catastrophic regex, a bad range and `in` without a list', () => {
    expect(() => compileOperator('matches', '(a+)+$')).toThrow(/backtrack catastrophically/);
    expect(() => compileOperator('matches', '([a-z]*)*x')).toThrow(/backtrack/);
    expect(() => compileOperator('semverSatisfies', 'not a range')).toThrow(/semver range/);
    expect(() => compileOperator('in', 'a')).toThrow(/must be a list/);
  });
});

describe('compileJsonPath', () => {
  it('selects properties, quoted keys, indexes and wildcards', () => {
    expect(compileJsonPath("$.metadata.annotations['backstage.io/techdocs-ref']").select(entity)).toEqual([
      'dir:.',
    ]);
    expect(compileJsonPath('$.metadata.tags[*]').select(entity)).toEqual(['java', 'tier-1']);
    expect(compileJsonPath('$.metadata.tags[1]').select(entity)).toEqual(['tier-1']);
    expect(compileJsonPath('$.spec.missing').select(entity)).toEqual([]);
  });

  it('refuses a path that is not one, naming it', () => {
    expect(() => compileJsonPath('metadata.name')).toThrow("invalid JSONPath 'metadata.name'");
    expect(() => compileJsonPath('$..name')).toThrow(/invalid JSONPath/);
  });
});

describe('compileRule', () => {
  const descriptor = 'catalog:default/entity_descriptor';
  it('evaluates all/any/not and reports missing and failed facts', () => {
    const rule = compileRule(
      {
        all: [
          { factRef: descriptor, path: '$.spec.owner', operator: 'exists' },
          { not: { factRef: descriptor, path: '$.spec.lifecycle', operator: 'equal', value: 'deprecated' } },
          {
            any: [
              { factRef: 'ci:default/coverage', path: '$.percent', operator: 'greaterThan', value: 50 },
              { factRef: descriptor, path: '$.metadata.tags', operator: 'contains', value: 'java' },
            ],
          },
        ],
      },
      () => true,
    );
    const facts = new Map<string, FactValue>([[descriptor, { data: entity }]]);
    expect(rule.evaluate(facts)).toEqual({
      passed: true,
      missingFacts: ['ci:default/coverage'],
      failedFacts: [],
    });
    const failing = new Map<string, FactValue>([...facts, ['ci:default/coverage', { error: 'timed out' }]]);
    expect(rule.evaluate(failing).failedFacts).toEqual([
      { factRef: 'ci:default/coverage', error: 'timed out' },
    ]);
  });

  it('gives the outcome its message, and no message at all when the check has none for it', () => {
    const rule = compileRule({ factRef: descriptor, path: '$.spec.owner', operator: 'exists' }, () => true);
    const check = {
      ...{ id: 'has-owner', name: 'Has an owner', type: 'rule', failedMessage: 'Set `spec.owner`.' },
      ...{ source: { type: 'ui' }, createdAt: '', updatedAt: '' },
    } as Check;
    const owned = new Map<string, FactValue>([[descriptor, { data: entity }]]);
    const unowned = new Map<string, FactValue>([[descriptor, { data: { ...entity, spec: {} } }]]);
    expect(evaluateCheck(check, rule, entity, owned)).toEqual({ state: 'passed', details: {} });
    expect(evaluateCheck(check, rule, entity, unowned)).toEqual({
      state: 'failed',
      details: { message: 'Set `spec.owner`.' },
    });
  });

  it('refuses a rule over a fact no collector declares', () => {
    expect(() =>
      compileRule(
        { factRef: 'jira:default/tickets', path: '$', operator: 'exists' },
        (ref) => ref === descriptor,
      ),
    ).toThrow("the rule reads fact 'jira:default/tickets', which no installed collector declares");
  });
});

describe('certify and filters', () => {
  const track = {
    id: 't',
    name: 'T',
    levels: [
      { ordinal: 2, name: 'Silver', checks: [{ id: 'b' }] },
      { ordinal: 1, name: 'Bronze', checks: [{ id: 'a' }] },
      { ordinal: 3, name: 'Gold', checks: [{ id: 'c' }] },
    ],
  } as Track;
  it('certifies the highest level whose checks and all lower levels are met; warnings and exemptions do not block', () => {
    const states = new Map([
      ['a', { state: 'warning' as const, exempted: false }],
      ['b', { state: 'failed' as const, exempted: true }],
      ['c', { state: 'passed' as const, exempted: false }],
    ]);
    expect(certify(track, 'component:default/shop', states, 'now').highestLevel).toEqual({
      ordinal: 3,
      name: 'Gold',
    });
    const blocked = new Map([...states, ['a', { state: 'failed' as const, exempted: false }]]);
    expect(certify(track, 'component:default/shop', blocked, 'now').highestLevel).toBeUndefined();
  });

  it("matches the catalog's filter grammar, case-insensitively, with relations", () => {
    expect(
      matchesEntityFilter(entity, { kind: 'component', 'spec.lifecycle': ['experimental', 'production'] }),
    ).toBe(true);
    expect(
      matchesEntityFilter(entity, [{ kind: 'api' }, { 'relations.ownedBy': 'group:default/team-a' }]),
    ).toBe(true);
    expect(matchesEntityFilter(entity, { 'metadata.tags': 'python' })).toBe(false);
  });

  it('names a cycle of track dependencies', () => {
    expect(() =>
      assertNoTrackCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toThrow("'a' -> 'b' -> 'c' -> 'a'");
    expect(() =>
      assertNoTrackCycle(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).not.toThrow();
  });
});
