import { NotFoundError } from '@atrium/errors';
import type { Credentials, RouteHandler } from '@atrium/kernel';
import type { scorecardsApi } from '../../common/index.js';
import type { RouteDeps } from './route-context.js';

type GateRoute = (typeof scorecardsApi)['routes']['gate'];

// A pipeline fails on any 4xx with `curl --fail`: 412 says "the precondition (the standard) is not met".
const NOT_MET = 412;

/**
 * The CI gate: passes when the entity's result for the check is passed, warning or
 * exempted, or when it reached `level` (default: the track's highest) in the track.
 * Answers 200 or 412 with the same body, so a script can read why.
 */
export function gateHandler(
  deps: RouteDeps,
  readEntity: (credentials: Credentials, entityRef: string) => Promise<void>,
): RouteHandler<GateRoute> {
  return async ({ credentials, query, reply }) => {
    const entityRef = query.entityRef.toLowerCase();
    await readEntity(credentials, entityRef);
    const snapshot = await deps.registry.snapshot();
    let body: Awaited<ReturnType<RouteHandler<GateRoute>>> & object;
    if (query.checkId) {
      if (!snapshot.checksById.has(query.checkId)) throw new NotFoundError(`no check '${query.checkId}'`);
      const [result] = await deps.stores.results.forEntity(entityRef, query.scope, [query.checkId]);
      const exempt =
        (await deps.stores.exemptions.activeFor([entityRef])).get(entityRef)?.has(query.checkId) ?? false;
      const pass = exempt || result?.state === 'passed' || result?.state === 'warning';
      const reason = !result ? 'no result yet' : exempt ? 'exempted' : `state is ${result.state}`;
      body = { pass, entityRef, checkId: query.checkId, ...(result ? { state: result.state } : {}), reason };
    } else {
      const track = snapshot.tracks.find((candidate) => candidate.id === query.trackId);
      if (!track) throw new NotFoundError(`no track '${query.trackId}'`);
      const requiredLevel = query.level ?? Math.max(...track.levels.map((level) => level.ordinal));
      const [certification] = await deps.stores.certifications.forEntity(entityRef, track.id);
      const levelOrdinal = certification?.highestLevel?.ordinal ?? 0;
      const pass = levelOrdinal >= requiredLevel;
      const reason = certification
        ? `reached level ${levelOrdinal}, needs ${requiredLevel}`
        : 'the track does not apply or was not evaluated yet';
      body = { pass, entityRef, trackId: track.id, requiredLevel, levelOrdinal, reason };
    }
    if (body.pass) return body;
    return reply.code(NOT_MET).send(body) as never;
  };
}
