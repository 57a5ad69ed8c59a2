import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import type { Certification, Check, CheckResult, Exemption, Track } from '../../common/index.js';
import type { ScorecardsApi } from '../api/scorecards-api-ref.js';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';

/** Everything an entity's Scorecards tab shows, fetched together. */
export interface EntityScorecard {
  tracks: Track[];
  certifications: Map<string, Certification>;
  checks: Map<string, Check>;
  results: Map<string, CheckResult>;
  /** The newest exemption per check id. */
  exemptions: Map<string, Exemption>;
}

async function loadScorecard(client: ScorecardsApi, entityRef: string): Promise<EntityScorecard> {
  const [tracks, certifications, checks, results, exemptions] = await Promise.all([
    client.listTracks({ query: { entityRef } }),
    client.getCertifications({ query: { entityRef } }),
    client.listChecks({ query: { entityRef } }),
    client.getResults({ query: { entityRef } }),
    client.listExemptions({ query: { entityRef, limit: 100 } }),
  ]);
  const newestFirst = [...exemptions.exemptions].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const newest = new Map<string, Exemption>();
  for (const exemption of newestFirst)
    if (!newest.has(exemption.checkId)) newest.set(exemption.checkId, exemption);
  return {
    tracks: tracks.tracks,
    certifications: new Map(certifications.certifications.map((c) => [c.trackId, c])),
    checks: new Map(checks.checks.map((c) => [c.id, c])),
    results: new Map(results.results.map((r) => [r.checkId, r])),
    exemptions: newest,
  };
}

/** Query key of an entity's scorecard, to refresh it after an exemption request. */
export const entityScorecardKey = (entityRef: string) => ['scorecards', 'entity', entityRef];

/** Loads an entity's tracks, certifications, checks, latest results and exemptions. */
export function useEntityScorecard(entityRef: string) {
  const client = useApi(scorecardsApiRef);
  return useQuery({
    queryKey: entityScorecardKey(entityRef),
    queryFn: () => loadScorecard(client, entityRef),
  });
}
