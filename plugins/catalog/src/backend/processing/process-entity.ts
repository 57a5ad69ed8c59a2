import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  type Entity,
  parseLocationRef,
  stringifyEntityRef,
  validateEntityEnvelope,
} from '@atrium/catalog-model';
import { ConflictError, InputError } from '@atrium/errors';
import type { CatalogProcessorResult, LocationSpec } from '../extensions/catalog-processor.js';
import { type ChildContext, collectChildren } from './collect-children.js';
import { contentHash } from './content-hash.js';
import type { ProcessingContext } from './processing-context.js';
import type { ChildEntity, ProcessingOutcome, RelationRow } from './processing-types.js';
import { ProcessorCaches } from './processor-caches.js';
import { type LocationRead, readLocationTargets } from './read-location-targets.js';
import { resolvePlaceholders } from './resolve-placeholders.js';
import {
  runPostProcessors,
  runPreProcessors,
  specRelations,
  validateProcessedEntity,
} from './run-processors.js';
import { serializeProcessingError } from './serialize-error.js';

/** One entity to process, as stored. */
export interface ProcessingInput {
  entityRef: string;
  unprocessedJson: string;
  cacheJson: string | null;
}

function annotationLocation(entity: Entity, key: string): { ref: string; spec: LocationSpec } | undefined {
  const value = entity.metadata?.annotations?.[key];
  if (typeof value !== 'string') return undefined;
  try {
    return { ref: value, spec: parseLocationRef(value) };
  } catch {
    return undefined;
  }
}

function assertSameRef(expected: string, entity: Entity, step: string): void {
  const actual = stringifyEntityRef(entity);
  if (actual !== expected) {
    throw new ConflictError(
      `processing changed the identity of ${expected} to ${actual} during ${step}; kind, namespace and name must not change`,
    );
  }
}

// A location whose children conflicted is read in full again next time, so the conflict
// stays reported instead of being skipped as unchanged.
function forgetEtags(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(files).map((key) => [key, '']));
}

function uniqueRelations(rows: RelationRow[]): RelationRow[] {
  const seen = new Map<string, RelationRow>();
  for (const row of rows) seen.set(`${row.source} ${row.type} ${row.target}`, row);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

async function dropCycles(
  children: ChildEntity[],
  parentRef: string,
  context: ProcessingContext,
  errors: Error[],
) {
  if (!children.some((child) => child.ref.startsWith('location:'))) return children;
  const ancestors = await context.ancestorsOf(parentRef);
  return children.filter((child) => {
    if (!ancestors.has(child.ref)) return true;
    errors.push(
      new ConflictError(
        `${child.ref} is an ancestor of ${parentRef}; including it again would be a location cycle, so it was skipped`,
      ),
    );
    return false;
  });
}

function dedupeChildren(children: ChildEntity[], errors: Error[]): ChildEntity[] {
  const byRef = new Map<string, ChildEntity>();
  for (const child of children) {
    const first = byRef.get(child.ref);
    if (!first) byRef.set(child.ref, child);
    else
      errors.push(
        new ConflictError(
          `${child.ref} is emitted by both ${first.locationKey} and ${child.locationKey}; the first is kept`,
        ),
      );
  }
  return [...byRef.values()];
}

async function run(
  input: ProcessingInput,
  context: ProcessingContext,
  caches: ProcessorCaches,
): Promise<ProcessingOutcome> {
  const raw = JSON.parse(input.unprocessedJson) as Entity;
  const envelope = validateEntityEnvelope(raw);
  if (envelope.length > 0)
    throw new InputError(
      `entity ${input.entityRef} is invalid: ${envelope.map((p) => p.message).join('; ')}`,
    );
  const own = annotationLocation(raw, ANNOTATION_MANAGED_BY_LOCATION);
  const origin = annotationLocation(raw, ANNOTATION_MANAGED_BY_ORIGIN_LOCATION) ?? own;
  const location = own?.spec ?? { type: 'unknown', target: input.entityRef };
  const emitted: CatalogProcessorResult[] = [];
  const emit = (result: CatalogProcessorResult) => emitted.push(result);
  const keys = new Set<string>();
  let entity = raw;
  if (input.unprocessedJson.includes('"$')) {
    entity = await resolvePlaceholders(entity, {
      location: own?.spec,
      urlReader: context.urlReader,
      onRefreshKey: (k) => keys.add(k),
    });
  }
  entity = await runPreProcessors(entity, location, origin?.spec ?? location, context, caches, emit);
  if (!entity.metadata.namespace)
    entity = { ...entity, metadata: { ...entity.metadata, namespace: 'default' } };
  assertSameRef(input.entityRef, entity, 'preprocessing');
  await validateProcessedEntity(entity, context);
  const child: ChildContext = {
    parentRef: input.entityRef,
    parentLocationRef: own?.ref,
    originRef: origin?.ref,
    origin: origin?.spec,
    rules: context.rules,
    kinds: context.kinds,
  };
  let read: LocationRead | undefined;
  if (entity.kind === 'Location') read = await readLocationTargets(entity, own?.spec, caches, context, child);
  const relations = specRelations(entity);
  entity = await runPostProcessors(entity, location, context, caches, emit);
  assertSameRef(input.entityRef, entity, 'postprocessing');
  const fromProcessors = collectChildren(emitted, child);
  if (fromProcessors.errors.length > 0) throw fromProcessors.errors[0];
  const errors: Error[] = [...(read?.errors ?? [])];
  const children = await dropCycles(
    dedupeChildren([...(read?.children ?? []), ...fromProcessors.children], errors),
    input.entityRef,
    context,
    errors,
  );
  for (const key of [...(read?.refreshKeys ?? []), ...fromProcessors.refreshKeys]) keys.add(key);
  const allRelations = uniqueRelations([
    ...relations,
    ...(read?.relations ?? []),
    ...fromProcessors.relations,
  ]);
  const refreshKeys = [...keys].sort();
  const processedJson = JSON.stringify(entity);
  const fresh = read
    ? [...new Set([...read.fresh, ...fromProcessors.children.map((c) => c.locationKey ?? '')])]
    : [];
  return {
    ok: true,
    errors: [...errors.map(serializeProcessingError), ...(read?.streamErrors ?? [])],
    processedJson,
    relations: allRelations,
    children,
    streamed: read?.streamed ?? [],
    scopes: { fresh, removed: read?.removed ?? [], complete: !read },
    refreshKeys,
    resultHash: contentHash(processedJson, JSON.stringify(allRelations), refreshKeys.join('\n')),
    cacheJson: caches.serialize(
      read?.streamErrors.length ? forgetEtags(read.files) : read?.files,
      children.length > 0 || (read?.streamed.length ?? 0) > 0,
    ),
    hadChildren: caches.hadChildren,
    pure:
      context.processors.length === 0 &&
      !read &&
      refreshKeys.length === 0 &&
      children.length === 0 &&
      errors.length === 0,
  };
}

/**
 * Processes one entity through the pipeline of the contract (§8): envelope, placeholders,
 * preprocessors, default namespace and field formats, kind validation, reading Location
 * targets, spec relations, postprocessors. Never throws: a failure of the entity itself
 * comes back as `ok: false` with the error, so its previous output is kept.
 *
 * @example
 * const outcome = await processEntity({ entityRef, unprocessedJson, cacheJson }, context);
 */
export async function processEntity(
  input: ProcessingInput,
  context: ProcessingContext,
): Promise<ProcessingOutcome> {
  const caches = new ProcessorCaches(input.cacheJson);
  try {
    return await run(input, context, caches);
  } catch (error) {
    return {
      ok: false,
      errors: [serializeProcessingError(error)],
      relations: [],
      children: [],
      streamed: [],
      scopes: { fresh: [], removed: [], complete: false },
      refreshKeys: [],
      cacheJson: input.cacheJson,
      hadChildren: caches.hadChildren,
      pure: false,
    };
  }
}
