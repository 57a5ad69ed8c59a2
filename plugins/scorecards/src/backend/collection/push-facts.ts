import { InputError } from '@atrium/errors';
import { Ajv, type ValidateFunction } from 'ajv';
import type { z } from 'zod';
import type { scorecardsApi } from '../../common/index.js';
import type { FactCollector } from '../collectors/fact-collector.js';
import type { FactWrite } from '../store/fact-store.js';

type PushedFact = z.output<typeof scorecardsApi.routes.submitFacts.body>['facts'][number];

/** Validates pushed facts against the schemas their collectors declare. */
export function createPushedFactValidator(collectors: readonly FactCollector[]) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map<string, ValidateFunction | undefined>();
  for (const collector of collectors)
    for (const fact of collector.facts)
      if (fact.pushable) validators.set(fact.factRef, fact.schema ? ajv.compile(fact.schema) : undefined);
  return {
    /** Refuses a fact no collector accepts by push, or whose data does not match its schema. */
    validate(facts: PushedFact[], now: number): FactWrite[] {
      return facts.map((fact, index) => {
        if (!validators.has(fact.factRef))
          throw new InputError(
            `facts[${index}]: '${fact.factRef}' is not a fact that can be pushed; GET /fact-collectors lists the pushable ones`,
            { details: { factRef: fact.factRef } },
          );
        const validate = validators.get(fact.factRef);
        if (validate && !validate(fact.data))
          throw new InputError(
            `facts[${index}] ('${fact.factRef}' of ${fact.entityRef}) does not match the fact's schema: ${ajv.errorsText(validate.errors)}`,
            { details: { factRef: fact.factRef, errors: validate.errors } },
          );
        const timestamp = fact.timestamp ? Date.parse(fact.timestamp) : now;
        return { entityRef: fact.entityRef.toLowerCase(), factRef: fact.factRef, data: fact.data, timestamp };
      });
    },
  };
}

/** The collector of facts declared in `scorecards.pushedFacts` (nothing to collect: CI pushes them). */
export function createPushedFactsCollectors(
  pushed: Array<{ factRef: string; description?: string; schema?: Record<string, unknown> }>,
): FactCollector[] {
  const byCollector = new Map<string, FactCollector>();
  for (const fact of pushed) {
    const id = fact.factRef.split(':')[0] ?? fact.factRef;
    const collector = byCollector.get(id) ?? {
      id,
      description: 'Facts pushed by CI (scorecards.pushedFacts)',
      facts: [],
    };
    collector.facts.push({ ...fact, pushable: true });
    byCollector.set(id, collector);
  }
  return [...byCollector.values()];
}
