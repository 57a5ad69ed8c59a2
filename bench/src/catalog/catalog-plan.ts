import { CAPABILITIES, FIRST_NAMES, LAST_NAMES, NOUNS, TEAM_WORDS } from './catalog-words.js';

/** Entity counts per kind; they add up to the requested total. */
export interface KindCounts {
  Location: number;
  Group: number;
  User: number;
  Domain: number;
  System: number;
  Component: number;
  API: number;
  Resource: number;
}

/** The shape of a generated organisation: counts, names and who sits where. */
export interface CatalogPlan {
  total: number;
  counts: KindCounts;
  /** Group names, root first, then divisions, departments and teams. */
  groups: string[];
  /** Parent index of every group (-1 for the root). */
  groupParents: number[];
  /** Indices into `groups` of the teams (leaf groups that own software). */
  teams: number[];
  /** Indices into `groups` of the divisions (they own domains). */
  divisions: number[];
  userName(index: number): string;
  domainName(index: number): string;
  systemName(index: number): string;
  componentName(index: number): string;
  apiName(index: number): string;
  resourceName(index: number): string;
  /** The system a component, API or resource belongs to: contiguous, even slices. */
  systemOf(kind: 'Component' | 'API' | 'Resource', index: number): number;
  /** First index and count of a kind's items in a system. */
  sliceOf(kind: 'Component' | 'API' | 'Resource', system: number): { start: number; count: number };
}

// Ratios seen in real catalogs: half components, a fifth people, a few percent systems.
function countKinds(total: number): KindCounts {
  if (!Number.isInteger(total) || total < 100) {
    throw new Error(
      `a catalog of ${total} entities is too small to hold an organisation; ask for at least 100`,
    );
  }
  const counts = {
    Location: 1,
    Group: Math.max(4, Math.round(total * 0.02)),
    User: Math.round(total * 0.2),
    Domain: Math.max(2, Math.round(total * 0.001)),
    System: Math.max(2, Math.round(total * 0.03)),
    Component: 0,
    API: Math.round(total * 0.15),
    Resource: Math.round(total * 0.1),
  };
  const used = Object.values(counts).reduce((sum, count) => sum + count, 0);
  counts.Component = total - used;
  return counts;
}

const word = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

function groupHierarchy(count: number) {
  const divisions = Math.max(1, Math.floor(count / 40));
  const departments = Math.max(1, Math.floor(count / 8));
  const teams = count - 1 - divisions - departments;
  const groups = ['acme'];
  const parents = [-1];
  for (let i = 0; i < divisions; i++) {
    groups.push(`division-${word(CAPABILITIES, i)}-${i}`);
    parents.push(0);
  }
  for (let i = 0; i < departments; i++) {
    groups.push(`department-${word(CAPABILITIES, i * 7)}-${i}`);
    parents.push(1 + (i % divisions));
  }
  for (let i = 0; i < teams; i++) {
    groups.push(`team-${word(TEAM_WORDS, i)}-${i}`);
    parents.push(1 + divisions + (i % departments));
  }
  const teamIndices = Array.from({ length: teams }, (_, i) => 1 + divisions + departments + i);
  const divisionIndices = Array.from({ length: divisions }, (_, i) => 1 + i);
  return { groups, parents, teams: teamIndices, divisions: divisionIndices };
}

/**
 * Plans an organisation of `total` entities (one of them the root Location): how many of
 * each kind, a group hierarchy (root > divisions > departments > teams), and a name for
 * every entity. Pure and deterministic; the randomness lives in the entity builders.
 *
 * @example
 * const plan = planCatalog(10_000); // plan.counts.Component === 4989
 */
export function planCatalog(total: number): CatalogPlan {
  const counts = countKinds(total);
  const hierarchy = groupHierarchy(counts.Group);
  const systemOf = (kind: 'Component' | 'API' | 'Resource', index: number) =>
    Math.floor((index * counts.System) / counts[kind]);
  const firstOf = (kind: 'Component' | 'API' | 'Resource', system: number) =>
    Math.ceil((system * counts[kind]) / counts.System);
  return {
    total,
    counts,
    groups: hierarchy.groups,
    groupParents: hierarchy.parents,
    teams: hierarchy.teams,
    divisions: hierarchy.divisions,
    userName: (i) => `${word(FIRST_NAMES, i)}.${word(LAST_NAMES, Math.floor(i / FIRST_NAMES.length))}-${i}`,
    domainName: (i) => `${word(CAPABILITIES, i)}-domain-${i}`,
    systemName: (i) => `${word(CAPABILITIES, i)}-system-${i}`,
    componentName: (i) => `${word(CAPABILITIES, i * 5)}-${word(NOUNS, i)}-${i}`,
    apiName: (i) => `${word(CAPABILITIES, i * 3)}-api-${i}`,
    resourceName: (i) => `${word(CAPABILITIES, i * 11)}-${word(['db', 'cache', 'bucket', 'queue'], i)}-${i}`,
    systemOf,
    sliceOf: (kind, system) => {
      const start = firstOf(kind, system);
      return { start, count: firstOf(kind, system + 1) - start };
    },
  };
}
