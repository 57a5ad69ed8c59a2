import type { Entity } from '@atrium/catalog-model';
import { InputError } from '@atrium/errors';
import type { CatalogProcessorResult, LocationSpec } from '../extensions/catalog-processor.js';
import { type ChildContext, type CollectedChildren, collectChildren } from './collect-children.js';
import type { ProcessingContext } from './processing-context.js';
import type { SerializedError } from './processing-types.js';
import type { ProcessorCaches } from './processor-caches.js';
import { readLocationFiles } from './read-location-files.js';
import { resolveChildTarget } from './resolve-target.js';

/** The children of a Location entity, by the file (location key) they came from. */
export interface LocationRead extends CollectedChildren {
  fresh: string[];
  removed: string[];
  /** Location keys to remember with their etag ('' = read again next time). */
  files: Record<string, string>;
  /** A target failed as a whole: files not seen this time are kept, not removed. */
  incomplete: boolean;
  /** Refs of children already stored through the context's child sink (with their edges). */
  streamed: string[];
  /** Conflicts the child sink refused. */
  streamErrors: SerializedError[];
}

// Children are handed to the sink in chunks of this many.
const SINK_CHUNK = 2000;

/** Hands the buffered non-Location children to the sink, one chunk at a time. */
function createStreamer(out: LocationRead, parentRef: string, context: ProcessingContext) {
  let chain: Promise<void> = Promise.resolve();
  const flush = (force: boolean) => {
    const sink = context.childSink;
    const streamable = out.children.filter((c) => !c.ref.startsWith('location:'));
    if (!sink || streamable.length === 0 || (!force && streamable.length < SINK_CHUNK)) return chain;
    out.children = out.children.filter((c) => c.ref.startsWith('location:'));
    chain = chain.then(async () => {
      const result = await sink(parentRef, streamable);
      out.streamed.push(...result.accepted);
      out.streamErrors.push(...result.errors);
    });
    return chain;
  };
  return { maybe: () => flush(false), finish: () => flush(true) };
}

/** Each target resolved against the Location's own file, or the error that refused it. */
function targetsOf(
  entity: Entity,
  own: LocationSpec | undefined,
  context: ProcessingContext,
): Array<LocationSpec | Error> {
  const spec = (entity.spec ?? {}) as {
    type?: unknown;
    target?: unknown;
    targets?: unknown;
    presence?: unknown;
  };
  const type = typeof spec.type === 'string' && spec.type ? spec.type : own?.type;
  const raw = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (target): target is string => typeof target === 'string' && target.length > 0,
  );
  if (raw.length === 0) return [];
  if (!type)
    throw new InputError(`Location ${entity.metadata.name} has no spec.type and no location to take it from`);
  const presence = spec.presence === 'optional' ? 'optional' : 'required';
  return raw.map((target) => {
    try {
      return { type, target: resolveChildTarget(context.urlReader, type, target, own), presence };
    } catch (error) {
      return error as Error;
    }
  });
}

function merge(into: CollectedChildren, from: CollectedChildren | undefined): void {
  if (!from) return;
  into.children.push(...from.children);
  into.errors.push(...from.errors);
  into.relations.push(...from.relations);
  into.refreshKeys.push(...from.refreshKeys);
}

async function readBuiltin(
  target: LocationSpec,
  out: LocationRead,
  caches: ProcessorCaches,
  context: ProcessingContext,
  child: ChildContext,
) {
  const streamer = createStreamer(out, child.parentRef, context);
  const options = {
    urlReader: context.urlReader,
    parser: context.parser,
    etags: caches.previousFiles,
    concurrency: context.readConcurrency,
    collect: (results: CatalogProcessorResult[]) => collectChildren(results, child),
    isClean: (collected: CollectedChildren) => collected.errors.length === 0,
  };
  const { errors } = await readLocationFiles(
    target,
    target.presence === 'optional',
    options,
    async (scope) => {
      if (scope.state === 'removed') {
        out.removed.push(scope.key);
        return;
      }
      out.files[scope.key] = scope.etag ?? '';
      if (scope.error) out.errors.push(scope.error);
      if (scope.state === 'fresh') out.fresh.push(scope.key);
      merge(out, scope.collected);
      await streamer.maybe();
    },
  );
  await streamer.finish();
  out.errors.push(...errors);
  if (errors.length > 0) out.incomplete = true;
  out.refreshKeys.push(`${target.type}:${target.target}`);
}

async function readCustom(
  target: LocationSpec,
  out: LocationRead,
  caches: ProcessorCaches,
  context: ProcessingContext,
  child: ChildContext,
) {
  const results: CatalogProcessorResult[] = [];
  const emit = (result: CatalogProcessorResult) => results.push(result);
  for (const processor of context.processors) {
    if (!processor.readLocation) continue;
    const cache = caches.forProcessor(processor.getProcessorName());
    const handled = await processor.readLocation(
      target,
      target.presence === 'optional',
      emit,
      context.parser,
      cache,
    );
    if (!handled) continue;
    const collected = collectChildren(results, child);
    const key = `${target.type}:${target.target}`;
    const keys = new Set([key, ...collected.children.map((c) => c.locationKey ?? key)]);
    for (const k of keys) {
      out.files[k] = '';
      out.fresh.push(k);
    }
    merge(out, collected);
    return;
  }
  out.errors.push(
    new InputError(
      `no processor can read locations of type '${target.type}' (${target.type}:${target.target})`,
    ),
  );
}

/**
 * Reads every target of a Location entity (relative targets against the Location's own
 * file, globs expanded). A target that fails is reported and keeps its previous
 * children; the other targets are read as usual.
 *
 * @example
 * const read = await readLocationTargets(entity, ownLocation, caches, context, childContext);
 */
export async function readLocationTargets(
  entity: Entity,
  own: LocationSpec | undefined,
  caches: ProcessorCaches,
  context: ProcessingContext,
  child: ChildContext,
): Promise<LocationRead> {
  const out: LocationRead = {
    children: [],
    errors: [],
    relations: [],
    refreshKeys: [],
    fresh: [],
    removed: [],
    files: {},
    incomplete: false,
    streamed: [],
    streamErrors: [],
  };
  for (const target of targetsOf(entity, own, context)) {
    if (target instanceof Error) {
      // Refused for good (not a failed read): what it gave before is removed.
      out.errors.push(target);
      continue;
    }
    try {
      if (target.type === 'file' || target.type === 'url')
        await readBuiltin(target, out, caches, context, child);
      else await readCustom(target, out, caches, context, child);
    } catch (error) {
      out.errors.push(error as Error);
      out.incomplete = true;
    }
  }
  for (const [key, etag] of Object.entries(caches.previousFiles)) {
    if (key in out.files || out.removed.includes(key)) continue;
    if (out.incomplete) out.files[key] = etag;
    else out.removed.push(key);
  }
  return out;
}
