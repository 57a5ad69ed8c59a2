import { TAGS } from '../catalog/catalog-words.js';

/** The pushed fact the benchmark sends for 10k entities (and flips for the latency figure). */
export const COVERAGE_FACT = 'ci:default/coverage';
/** The track every generated component is certified in. */
export const BENCH_TRACK = 'bench-health';
/** Checks over the pushed fact; the top level of the track needs the first. */
const COVERAGE_THRESHOLDS = [80, 10, 20, 30, 40, 50, 60, 70, 90, 95];

const DESCRIPTOR = 'catalog:default/entity_descriptor';
const leaf = (path: string, operator: string, value?: unknown) => ({
  factRef: DESCRIPTOR,
  path,
  operator,
  ...(value === undefined ? {} : { value }),
});

// Forty rules over the catalog entity, mixing operators, combinators and filters the way
// real standards do; each differs from the others in a value so none is a duplicate.
function catalogRule(i: number) {
  const tag = TAGS[i % TAGS.length] as string;
  switch (i % 8) {
    case 0:
      return leaf('$.metadata.tags', 'contains', tag);
    case 1:
      return { any: [leaf('$.metadata.tags', 'contains', tag), leaf('$.spec.type', 'equal', 'library')] };
    case 2:
      return leaf('$.spec.lifecycle', 'in', ['production', i % 16 === 2 ? 'experimental' : 'deprecated']);
    case 3:
      return { not: leaf('$.spec.lifecycle', 'equal', 'deprecated') };
    case 4:
      return leaf('$.metadata.description', 'matches', `^(service|website|library) [a-z0-9-]*${i % 10}`);
    case 5:
      return {
        all: [
          leaf('$.spec.owner', 'exists'),
          leaf("$.metadata.annotations['github.com/project-slug']", 'exists'),
        ],
      };
    case 6:
      return leaf("$.metadata.annotations['backstage.io/kubernetes-id']", 'exists');
    default:
      return leaf('$.metadata.links[*].title', 'contains', i % 16 === 7 ? 'Runbook' : 'Dashboard');
  }
}

/**
 * The benchmark's `scorecards` config: 50 checks (40 over catalog facts, 10 over the pushed
 * coverage fact) and a three-level track over every component whose top level needs
 * coverage of at least 80.
 */
export function benchScorecardsConfig() {
  const catalogChecks = Array.from({ length: 40 }, (_, i) => ({
    id: `catalog-${String(i).padStart(2, '0')}`,
    name: `Catalog standard ${i}`,
    ...(i % 5 === 4 ? { filter: { kind: 'component', 'spec.type': 'service' } } : {}),
    rule: catalogRule(i),
    passedMessage: 'Met.',
    failedMessage: 'Not met: see the standard.',
  }));
  const coverageChecks = COVERAGE_THRESHOLDS.map((threshold) => ({
    id: `coverage-${threshold}`,
    name: `Coverage at least ${threshold}`,
    filter: { kind: 'component' },
    rule: { factRef: COVERAGE_FACT, path: '$.percent', operator: 'greaterThanInclusive', value: threshold },
  }));
  const track = {
    id: BENCH_TRACK,
    name: 'Bench health',
    filter: { kind: 'component' },
    levels: [
      { ordinal: 1, name: 'Bronze', checks: [{ id: 'catalog-05' }] },
      { ordinal: 2, name: 'Silver', checks: [{ id: 'catalog-03' }] },
      { ordinal: 3, name: 'Gold', checks: [{ id: 'coverage-80' }] },
    ],
  };
  return {
    checks: [...catalogChecks, ...coverageChecks],
    tracks: [track],
    pushedFacts: [
      {
        factRef: COVERAGE_FACT,
        schema: { type: 'object', required: ['percent'], properties: { percent: { type: 'number' } } },
      },
    ],
    // The benchmark triggers the full evaluation itself (POST /certify_world).
    evaluationFrequency: { hours: 24 },
    collectors: { catalog: { frequency: { hours: 24 } } },
  };
}
