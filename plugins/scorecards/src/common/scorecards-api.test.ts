import { describe, expect, it } from 'vitest';
import { scorecardsApi } from './scorecards-api.js';
import { checkInputSchema, ruleSchema, trackInputSchema } from './scorecards-definition-schemas.js';

describe('scorecardsApi', () => {
  it('declares Soundcheck routes with distinct permissions for edits, exemptions and pushes', () => {
    const { routes } = scorecardsApi;
    expect(routes.submitFacts.path).toBe('/facts');
    expect(routes.submitResults.permissions).toEqual(['scorecards.result.push']);
    expect(routes.submitFacts.permissions).toEqual(['scorecards.fact.push']);
    expect(routes.approveExemption.permissions).toEqual(['scorecards.exemption.approve']);
    expect(routes.createCheck.permissions).toEqual(['scorecards.check.edit']);
  });

  it('refuses an exemption request without a justification', () => {
    const parsed = scorecardsApi.routes.requestExemption.body.safeParse({
      checkId: 'has-owner',
      entityRef: 'component:default/web',
      justification: '   ',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('an exemption needs a justification');
  });

  it('gates on exactly one of checkId or trackId', () => {
    const gate = scorecardsApi.routes.gate.query;
    expect(gate.safeParse({ entityRef: 'component:default/web' }).success).toBe(false);
    expect(gate.safeParse({ entityRef: 'component:default/web', checkId: 'a', trackId: 'b' }).success).toBe(
      false,
    );
    expect(gate.safeParse({ entityRef: 'component:default/web', trackId: 'b', level: '2' }).data?.level).toBe(
      2,
    );
  });
});

describe('definition schemas', () => {
  it('parses nested all/any/not rules and defaults the path to the whole fact', () => {
    const rule = ruleSchema.parse({
      all: [
        { factRef: 'catalog:default/entity_descriptor', path: '$.spec.owner', operator: 'exists' },
        { not: { factRef: 'ci:default/coverage', operator: 'lessThan', value: 80 } },
      ],
    });
    expect(rule).toEqual({
      all: [
        { factRef: 'catalog:default/entity_descriptor', path: '$.spec.owner', operator: 'exists' },
        { not: { factRef: 'ci:default/coverage', path: '$', operator: 'lessThan', value: 80 } },
      ],
    });
  });

  it('names the input when a factRef or operator is malformed', () => {
    const bad = checkInputSchema.safeParse({
      id: 'c',
      name: 'C',
      rule: { factRef: 'no-collector', path: '$', operator: 'equal', value: 1 },
    });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('<collectorId>:<namespace>/<factName>');
    expect(ruleSchema.safeParse({ factRef: 'a:b/c', operator: 'like' }).success).toBe(false);
  });

  it('requires every level of a track to name at least one check', () => {
    const track = { id: 't', name: 'T', levels: [{ ordinal: 1, name: 'Bronze', checks: [] }] };
    expect(trackInputSchema.safeParse(track).success).toBe(false);
  });
});
