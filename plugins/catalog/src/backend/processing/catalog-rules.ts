import type { Entity } from '@atrium/catalog-model';
import { Minimatch } from 'minimatch';
import type { CatalogConfig, CatalogRuleConfig } from '../config/catalog-config.js';
import type { LocationSpec } from '../extensions/catalog-processor.js';

/** Decides which kinds may come from which (origin) location. */
export interface CatalogRules {
  isAllowed(entity: Entity, origin: LocationSpec | undefined): boolean;
}

interface Rule {
  allow: Array<{ kind: string; specType?: string }>;
  locations?: Array<{ type: string; exact?: string; pattern?: Minimatch }>;
}

// A fresh install accepts only these, as Backstage does.
const DEFAULT_RULES: CatalogRuleConfig[] = [{ allow: ['Component', 'API', 'Location'] }];

// Backstage matches `locations[].pattern` with minimatch, ignoring case; `*` stays within
// one `/` segment and dot segments are never matched by a glob.
const PATTERN_OPTIONS = { nocase: true, dot: true, nonegate: true, nocomment: true } as const;

// A URL target is matched as the reader will fetch it: `..` and `%2e%2e` resolved.
function matchable(target: string): string {
  if (!/^https?:\/\//i.test(target)) return target;
  try {
    return new URL(target).href;
  } catch {
    return target;
  }
}

function toRule(config: CatalogRuleConfig): Rule {
  return {
    allow: config.allow.map((item) =>
      typeof item === 'string'
        ? { kind: item.toLowerCase() }
        : { kind: item.kind.toLowerCase(), specType: item['spec.type']?.toLowerCase() },
    ),
    locations: config.locations?.map((location) => ({
      type: location.type,
      exact: location.exact ?? location.target,
      pattern: location.pattern ? new Minimatch(location.pattern, PATTERN_OPTIONS) : undefined,
    })),
  };
}

function matchesLocation(rule: Rule, origin: LocationSpec | undefined): boolean {
  if (!rule.locations) return true;
  if (!origin) return false;
  return rule.locations.some(
    (location) =>
      location.type === origin.type &&
      (location.exact === undefined || location.exact === origin.target) &&
      (location.pattern === undefined || location.pattern.match(matchable(origin.target))),
  );
}

function matchesEntity(rule: Rule, entity: Entity): boolean {
  const kind = String(entity.kind).toLowerCase();
  const specType = typeof entity.spec?.type === 'string' ? entity.spec.type.toLowerCase() : undefined;
  return rule.allow.some((allow) => allow.kind === kind && (!allow.specType || allow.specType === specType));
}

/**
 * Builds the rules from `catalog.rules` (default: Component, API and Location) plus the
 * `rules` of each `catalog.locations` entry, which apply to entities originating there.
 *
 * @example
 * const rules = createCatalogRules(config, resolveTarget);
 * rules.isAllowed({ kind: 'User', ... }, { type: 'file', target: '/org.yaml' }); // false by default
 */
export function createCatalogRules(
  config: Pick<CatalogConfig, 'rules' | 'locations'>,
  resolveConfigTarget: (location: { type: string; target: string }) => string,
): CatalogRules {
  const rules = (config.rules ?? DEFAULT_RULES).map(toRule);
  for (const location of config.locations) {
    if (!location.rules) continue;
    const exact = resolveConfigTarget(location);
    for (const rule of location.rules) {
      rules.push(toRule({ allow: rule.allow, locations: [{ type: location.type, exact }] }));
    }
  }
  return {
    isAllowed: (entity, origin) =>
      rules.some((rule) => matchesLocation(rule, origin) && matchesEntity(rule, entity)),
  };
}
