import { InputError, NotFoundError } from '@atrium/errors';
import { type RouteHandlers, runAudited } from '@atrium/kernel';
import { type CheckResult, type scorecardsApi, scorecardsPermissions } from '../../common/index.js';
import { validateCheck } from '../definitions/validate-definitions.js';
import { compileRule } from '../engine/compile-rule.js';
import { evaluateCheck } from '../engine/evaluate-check.js';
import { EVALUATE_ALL_TASK } from '../schedule-scorecards.js';
import { collectFactsHandler } from './collect-facts.js';
import { gateHandler } from './gate.js';
import { readableOf } from './read-scope.js';
import { type Access, actorOf, type RouteDeps } from './route-context.js';

type Routes = (typeof scorecardsApi)['routes'];
type ResultHandlers = Pick<
  RouteHandlers<Routes>,
  | 'getResults'
  | 'submitResults'
  | 'setManualState'
  | 'getCheckResults'
  | 'getCheckStatus'
  | 'executeChecks'
  | 'getCertifications'
  | 'getTrackEntities'
  | 'gate'
  | 'submitFacts'
  | 'getFacts'
  | 'certifyWorld'
  | 'collectFacts'
  | 'listFactCollectors'
>;

function resultRoutesHelpers(deps: RouteDeps, access: Access) {
  const { stores, registry } = deps;
  const readEntity = async (credentials: Parameters<Access['require']>[0], entityRef: string) => {
    await access.require(credentials, scorecardsPermissions.read);
    await access.requireVisible(credentials, entityRef);
  };
  const checkOf = async (checkId: string) => {
    const check = (await registry.snapshot()).checksById.get(checkId);
    if (!check) throw new NotFoundError(`no check '${checkId}'`);
    return check;
  };
  async function dryRun(
    body: Parameters<ResultHandlers['executeChecks']>[0]['body'],
    credentials: Parameters<Access['require']>[0],
  ) {
    const refs = (body.entityRefs ?? []).map((ref) => ref.toLowerCase());
    if (refs.length === 0)
      throw new InputError('a dry run needs entityRefs: the entities to evaluate against');
    const visible = await access.visible(credentials, refs);
    const snapshot = await registry.snapshot();
    const isKnownFact = await registry.isKnownFact();
    const checks = body.check
      ? [validateCheck(body.check, isKnownFact)]
      : (body.checkIds ?? []).map((id) => snapshot.checksById.get(id));
    const entities = await stores.entities.get([...visible]);
    const facts = await stores.facts.forEntities([...visible]);
    const now = new Date().toISOString();
    const results: CheckResult[] = [];
    for (const check of checks) {
      if (!check) throw new NotFoundError('a checkId names no check');
      const rule = check.rule ? compileRule(check.rule, isKnownFact) : undefined;
      const stored = { ...check, source: { type: 'ui' as const }, createdAt: now, updatedAt: now };
      for (const entity of entities) {
        const evaluation = evaluateCheck(
          stored,
          rule,
          entity.entity,
          facts.get(entity.entityRef) ?? new Map(),
        );
        if (evaluation)
          results.push({
            entityRef: entity.entityRef,
            checkId: check.id,
            scope: 'default',
            submittedBy: actorOf(credentials),
            lastChecked: now,
            stateSince: now,
            ...evaluation,
          });
      }
    }
    return { results };
  }
  return { readEntity, checkOf, dryRun };
}

function resultRoutesPart1(
  deps: RouteDeps,
  access: Access,
): Pick<ResultHandlers, 'getResults' | 'submitResults'> {
  const { stores } = deps;
  const { readEntity, checkOf } = resultRoutesHelpers(deps, access);
  return {
    getResults: async ({ credentials, query }) => {
      const entityRef = query.entityRef.toLowerCase();
      await readEntity(credentials, entityRef);
      const [results, exempt] = await Promise.all([
        stores.results.forEntity(entityRef, query.scope, query.checks),
        stores.exemptions.activeFor([entityRef]),
      ]);
      const exempted = exempt.get(entityRef);
      return {
        results: results.map((result) =>
          exempted?.has(result.checkId) ? { ...result, exempted: true } : result,
        ),
      };
    },
    submitResults: ({ credentials, query, body, request }) =>
      runAudited(
        deps.auditor,
        { eventId: 'results.submit', request, meta: { count: body.results.length } },
        async () => {
          await access.require(credentials, scorecardsPermissions.resultPush);
          for (const result of body.results) {
            const check = await checkOf(result.checkId);
            if (check.type !== 'external')
              throw new InputError(
                `check '${check.id}' is a ${check.type} check; only external checks take pushed results`,
              );
          }
          const refs = body.results.map((result) => result.entityRef.toLowerCase());
          await access.requireReadableEntities(credentials, refs);
          await deps.service.requireEntities(refs);
          const writes = body.results.map((result) => ({
            ...result,
            entityRef: result.entityRef.toLowerCase(),
            submittedBy: actorOf(credentials),
          }));
          const results = await stores.results.write(writes, {
            preserveStateOnError: body.preserveStateOnError,
          });
          await deps.service.recertify(refs);
          return { status: 'ok' as const, ...(query.returnUpdatedResults ? { results } : {}) };
        },
      ),
  };
}

function resultRoutesPart2(
  deps: RouteDeps,
  access: Access,
): Pick<ResultHandlers, 'setManualState' | 'getCheckResults'> {
  const { stores } = deps;
  const { checkOf } = resultRoutesHelpers(deps, access);
  return {
    setManualState: ({ credentials, body, request }) =>
      runAudited(
        deps.auditor,
        {
          eventId: 'manual-state.set',
          request,
          meta: { checkId: body.checkId, state: body.state, reason: body.reason },
        },
        async () => {
          await access.require(credentials, scorecardsPermissions.manualUpdate);
          const entityRef = body.entityRef.toLowerCase();
          await access.requireVisible(credentials, entityRef);
          const check = await checkOf(body.checkId);
          if (check.type !== 'manual') throw new InputError(`check '${check.id}' is not a manual check`);
          await deps.service.requireEntities([entityRef]);
          const [result] = await stores.results.write([
            {
              entityRef,
              checkId: check.id,
              scope: body.scope,
              state: body.state,
              details: { reason: body.reason },
              submittedBy: actorOf(credentials),
            },
          ]);
          await deps.service.recertify([entityRef]);
          return result as CheckResult;
        },
        () => ({ target: body.entityRef }),
      ),
    getCheckResults: async ({ credentials, params, query }) => {
      await access.require(credentials, scorecardsPermissions.read);
      await checkOf(params.checkId);
      return stores.results.forCheck(
        params.checkId,
        query.scope,
        query.states as CheckResult['state'][] | undefined,
        query.limit,
        query.offset,
        readableOf(await access.scope(credentials)),
      );
    },
  };
}

function resultRoutesPart3(
  deps: RouteDeps,
  access: Access,
): Pick<ResultHandlers, 'getCheckStatus' | 'executeChecks'> {
  const { stores } = deps;
  const { checkOf, dryRun } = resultRoutesHelpers(deps, access);
  return {
    getCheckStatus: async ({ credentials, params }) => {
      await access.require(credentials, scorecardsPermissions.read);
      await checkOf(params.checkId);
      const readable = readableOf(await access.scope(credentials));
      return { checkId: params.checkId, counts: await stores.results.countsFor(params.checkId, readable) };
    },
    executeChecks: async ({ credentials, query, body }) => {
      await access.require(credentials, scorecardsPermissions.read);
      if (query.dryRun || body.check) {
        if (body.check) await access.require(credentials, scorecardsPermissions.checkEdit);
        return dryRun(body, credentials);
      }
      await access.require(credentials, scorecardsPermissions.checkEdit);
      const refs = (body.entityRefs ?? (await stores.entities.allRefs())).map((ref) => ref.toLowerCase());
      await deps.service.evaluate(refs, body.checkIds ? { checkIds: new Set(body.checkIds) } : {});
      const visible = await access.visible(credentials, refs.slice(0, 100));
      const results = (
        await Promise.all([...visible].map((ref) => stores.results.forEntity(ref, 'default', body.checkIds)))
      ).flat();
      return { results };
    },
  };
}

function resultRoutesPart4(
  deps: RouteDeps,
  access: Access,
): Pick<ResultHandlers, 'getCertifications' | 'getTrackEntities'> {
  const { stores } = deps;
  const { readEntity } = resultRoutesHelpers(deps, access);
  return {
    getCertifications: async ({ credentials, query }) => {
      const entityRef = query.entityRef.toLowerCase();
      await readEntity(credentials, entityRef);
      return { certifications: await stores.certifications.forEntity(entityRef, query.trackId) };
    },
    getTrackEntities: async ({ credentials, params, query }) => {
      await access.require(credentials, scorecardsPermissions.read);
      return stores.certifications.trackEntities(
        params.trackId,
        query.minLevel,
        query.limit,
        query.offset,
        readableOf(await access.scope(credentials)),
      );
    },
  };
}

function resultRoutesPart5(deps: RouteDeps, access: Access): Pick<ResultHandlers, 'gate' | 'submitFacts'> {
  const { stores } = deps;
  const { readEntity } = resultRoutesHelpers(deps, access);
  return {
    gate: gateHandler(deps, readEntity),
    submitFacts: ({ credentials, body, request }) =>
      runAudited(
        deps.auditor,
        {
          eventId: 'facts.submit',
          request,
          meta: { factRefs: [...new Set(body.facts.map((fact) => fact.factRef))], count: body.facts.length },
        },
        async () => {
          await access.require(credentials, scorecardsPermissions.factPush);
          const facts = deps.pushedFacts.validate(body.facts, Date.now());
          const refs = facts.map((fact) => fact.entityRef);
          await access.requireReadableEntities(credentials, refs);
          await deps.service.requireEntities(refs);
          await deps.service.onFactsChanged(await stores.facts.write(facts));
          return {
            facts: facts.map((fact) => ({
              factRef: fact.factRef,
              entityRef: fact.entityRef,
              timestamp: new Date(fact.timestamp).toISOString(),
            })),
          };
        },
      ),
  };
}

function resultRoutesPart6(
  deps: RouteDeps,
  access: Access,
): Pick<ResultHandlers, 'getFacts' | 'listFactCollectors' | 'certifyWorld' | 'collectFacts'> {
  const { stores } = deps;
  const { readEntity } = resultRoutesHelpers(deps, access);
  return {
    collectFacts: collectFactsHandler(deps, access),
    certifyWorld: ({ credentials, request }) =>
      runAudited(deps.auditor, { eventId: 'certify-world', request, meta: {} }, async () => {
        await access.require(credentials, scorecardsPermissions.checkEdit);
        // The scheduler's lease keeps it to one run across backends; 409 while one runs.
        await deps.scheduler.triggerTask(EVALUATE_ALL_TASK);
        return { taskId: EVALUATE_ALL_TASK, triggered: true as const };
      }),
    getFacts: async ({ credentials, query }) => {
      const entityRef = query.entityRef.toLowerCase();
      await readEntity(credentials, entityRef);
      return { facts: await stores.facts.list(entityRef, query.factRefs) };
    },
    listFactCollectors: async ({ credentials }) => {
      await access.require(credentials, scorecardsPermissions.read);
      return {
        factCollectors: deps.collectors.map((collector) => ({
          collectorId: collector.id,
          ...(collector.description ? { description: collector.description } : {}),
          facts: collector.facts.map((fact) => ({ ...fact, pushable: fact.pushable ?? false })),
        })),
      };
    },
  };
}

/** Handlers of results, facts and certifications. */
export function resultRoutes(deps: RouteDeps, access: Access): ResultHandlers {
  return {
    ...resultRoutesPart1(deps, access),
    ...resultRoutesPart2(deps, access),
    ...resultRoutesPart3(deps, access),
    ...resultRoutesPart4(deps, access),
    ...resultRoutesPart5(deps, access),
    ...resultRoutesPart6(deps, access),
  };
}
