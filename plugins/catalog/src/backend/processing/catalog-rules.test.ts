import type { Entity } from '@atrium/catalog-model';
import { describe, expect, it } from 'vitest';
import { createCatalogRules } from './catalog-rules.js';

const entity = (kind: string, type?: string) =>
  ({ kind, metadata: { name: 'x' }, spec: type ? { type } : {} }) as unknown as Entity;
const origin = { type: 'file', target: '/repo/catalog-info.yaml' };

describe('catalog rules', () => {
  it('allow Component, API and Location by default', () => {
    const rules = createCatalogRules({ locations: [] }, (l) => l.target);
    expect(rules.isAllowed(entity('Component'), origin)).toBe(true);
    expect(rules.isAllowed(entity('location'), origin)).toBe(true);
    expect(rules.isAllowed(entity('Group'), origin)).toBe(false);
  });

  it('apply location-scoped rules, spec.type constraints and config location rules', () => {
    const rules = createCatalogRules(
      {
        rules: [
          { allow: ['Component'] },
          {
            allow: [{ kind: 'Resource', 'spec.type': 'database' }],
            locations: [{ type: 'file', pattern: '/repo/**' }],
          },
        ],
        locations: [{ type: 'file', target: '/org.yaml', rules: [{ allow: ['Group', 'User'] }] }],
      },
      (l) => l.target,
    );
    expect(rules.isAllowed(entity('Resource', 'database'), origin)).toBe(true);
    expect(rules.isAllowed(entity('Resource', 'queue'), origin)).toBe(false);
    expect(rules.isAllowed(entity('Resource', 'database'), { type: 'file', target: '/other/x.yaml' })).toBe(
      false,
    );
    expect(rules.isAllowed(entity('Group'), { type: 'file', target: '/org.yaml' })).toBe(true);
    expect(rules.isAllowed(entity('Group'), origin)).toBe(false);
  });
});
