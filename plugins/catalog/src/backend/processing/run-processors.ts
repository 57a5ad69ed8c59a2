import {
  deriveSpecRelations,
  type Entity,
  stringifyEntityRef,
  validateEntityEnvelope,
  validateEntityFields,
} from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import type { CatalogProcessorEmit, LocationSpec } from '../extensions/catalog-processor.js';
import { findNulCharacter } from './find-nul-character.js';
import type { ProcessingContext } from './processing-context.js';
import type { RelationRow } from './processing-types.js';
import type { ProcessorCaches } from './processor-caches.js';

async function guarded<T>(processor: string, step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new InputError(`Processor ${processor} threw an error while ${step}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Runs every processor's `preProcessEntity`, in priority order. */
export async function runPreProcessors(
  entity: Entity,
  location: LocationSpec,
  origin: LocationSpec,
  context: ProcessingContext,
  caches: ProcessorCaches,
  emit: CatalogProcessorEmit,
): Promise<Entity> {
  let current = entity;
  for (const processor of context.processors) {
    if (!processor.preProcessEntity) continue;
    const name = processor.getProcessorName();
    const cache = caches.forProcessor(name);
    current = await guarded(name, 'preprocessing', () =>
      processor.preProcessEntity!(current, location, emit, origin, cache),
    );
  }
  return current;
}

function invalid(entity: Entity, messages: string[]): InputError {
  return new InputError(`entity ${stringifyEntityRef(entity)} is invalid: ${messages.join('; ')}`);
}

/**
 * Checks the entity as the default policies do (envelope, field formats) and requires
 * that some kind — registered in the kind registry, or claimed by a processor's
 * `validateEntityKind` — recognizes it. Throws an `InputError` naming every field and rule.
 */
export async function validateProcessedEntity(entity: Entity, context: ProcessingContext): Promise<void> {
  const envelope = validateEntityEnvelope(entity);
  if (envelope.length > 0)
    throw new InputError(`entity is invalid: ${envelope.map((p) => p.message).join('; ')}`);
  const nul = findNulCharacter(entity);
  if (nul !== undefined)
    throw invalid(entity, [
      `${nul.replaceAll('\u0000', '\\0')} contains the NUL character (U+0000), which the catalog cannot store`,
    ]);
  const fields = validateEntityFields(entity);
  if (fields.length > 0)
    throw invalid(
      entity,
      fields.map((problem) => problem.message),
    );
  let recognized = false;
  if (context.kinds.hasKind(entity.kind)) {
    const problems = context.kinds.validateKind(entity);
    if (problems.length > 0)
      throw invalid(
        entity,
        problems.map((problem) => problem.message),
      );
    recognized = true;
  }
  for (const processor of context.processors) {
    if (recognized || !processor.validateEntityKind) continue;
    const name = processor.getProcessorName();
    recognized = await guarded(name, 'validating', () => processor.validateEntityKind!(entity));
  }
  if (!recognized) {
    const detail = context.kinds.validateKind(entity)[0]?.message ?? `kind '${entity.kind}' is not known`;
    throw new InputError(`no processor recognized the entity ${stringifyEntityRef(entity)}: ${detail}`);
  }
}

/** The relations the entity's spec implies (both directions); a bad ref is an input error. */
export function specRelations(entity: Entity): RelationRow[] {
  const { relations, errors } = deriveSpecRelations(entity);
  if (errors.length > 0)
    throw invalid(
      entity,
      errors.map((problem) => problem.message),
    );
  return relations.map((relation) => ({
    source: stringifyEntityRef(relation.source),
    type: relation.type,
    target: stringifyEntityRef(relation.target),
  }));
}

/** Runs every processor's `postProcessEntity`, in priority order. */
export async function runPostProcessors(
  entity: Entity,
  location: LocationSpec,
  context: ProcessingContext,
  caches: ProcessorCaches,
  emit: CatalogProcessorEmit,
): Promise<Entity> {
  let current = entity;
  for (const processor of context.processors) {
    if (!processor.postProcessEntity) continue;
    const name = processor.getProcessorName();
    const cache = caches.forProcessor(name);
    current = await guarded(name, 'postprocessing', () =>
      processor.postProcessEntity!(current, location, emit, cache),
    );
  }
  return current;
}
