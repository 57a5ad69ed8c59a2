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

  describe('location patterns (globs over the target, as Backstage matches them with minimatch)', () => {
    const templatesFrom = (pattern: string, type = 'url') =>
      createCatalogRules(
        { rules: [{ allow: ['Template'], locations: [{ type, pattern }] }], locations: [] },
        (l) => l.target,
      );
    const allowed = (pattern: string, target: string, type = 'url') =>
      templatesFrom(pattern, type).isAllowed(entity('Template'), { type, target });

    it('never lets * cross a / in a URL path or a file path', () => {
      const url = 'https://git.example.com/org/*/blob/main/template.yaml';
      expect(allowed(url, 'https://git.example.com/org/repo/blob/main/template.yaml')).toBe(true);
      expect(allowed(url, 'https://git.example.com/org/a/b/blob/main/template.yaml')).toBe(false);
      expect(allowed('/srv/templates/*.yaml', '/srv/templates/x.yaml', 'file')).toBe(true);
      expect(allowed('/srv/templates/*.yaml', '/srv/templates/sub/x.yaml', 'file')).toBe(false);
    });

    it('does not let ** or * take a dot segment out of the folder, also when percent-encoded', () => {
      expect(allowed('/srv/templates/**', '/srv/templates/a/b.yaml', 'file')).toBe(true);
      expect(allowed('/srv/templates/**', '/srv/templates/../secrets/x.yaml', 'file')).toBe(false);
      const org = 'https://git.example.com/org/**';
      expect(allowed(org, 'https://git.example.com/org/../evil/x.yaml')).toBe(false);
      expect(allowed(org, 'https://git.example.com/org/%2e%2e/evil/x.yaml')).toBe(false);
      expect(allowed(org, 'https://git.example.com/org/a/%2E%2E/b.yaml')).toBe(true);
    });

    it('reads braces and ignores case, like Backstage', () => {
      const pattern = 'https://git.example.com/{platform,web}/*/template.yaml';
      expect(allowed(pattern, 'https://git.example.com/web/app/template.yaml')).toBe(true);
      expect(allowed(pattern, 'https://git.example.com/Platform/app/template.yaml')).toBe(true);
      expect(allowed(pattern, 'https://git.example.com/data/app/template.yaml')).toBe(false);
    });
  });
});
