import { createKindRegistry, type Entity, type KindRegistry } from '@atrium/catalog-model';
import type {
  AuditorService,
  AuthService,
  EventsService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
  WorkQueueService,
} from '@atrium/kernel';
import { durationToMs, sql } from '@atrium/kernel';
import type { CatalogConfig } from './config/catalog-config.js';
import { listOf, type SqlClient } from './database/sql-client.js';
import type { SqlReader } from './database/sql-reader.js';
import type { StoredJson } from './database/stored-json.js';
import { ancestorsOf } from './entities/remove-entity.js';
import type { CatalogKindContribution } from './extensions/catalog-extension-points.js';
import type { CatalogProcessor } from './extensions/catalog-processor.js';
import { createCatalogEventPublisher, createPipelineAudit } from './processing/catalog-event-publisher.js';
import { createCatalogRules } from './processing/catalog-rules.js';
import { contentHash } from './processing/content-hash.js';
import { createChildSink } from './processing/create-child-sink.js';
import { createProcessingEngine, type ProcessingEngine } from './processing/processing-engine.js';
import { createProcessingSchedule } from './processing/processing-schedule.js';
import { parseEntityYaml } from './processing/yaml-entity-parser.js';
import { resolveConfigTarget } from './providers/config-location-provider.js';
import { createLocationStore } from './providers/location-store.js';
import { createGenerationCache } from './query/generation-cache.js';
import type { CatalogServices } from './routes/catalog-services.js';

/** The services the runtime is built from. */
export interface RuntimeDeps {
  sql: SqlClient;
  reader: SqlReader;
  config: CatalogConfig;
  logger: LoggerService;
  urlReader: UrlReaderService;
  events: EventsService;
  workQueue: WorkQueueService;
  permissions: PermissionsService;
  auth: AuthService;
  auditor: AuditorService;
  processors: readonly CatalogProcessor[];
  kinds: readonly CatalogKindContribution[];
}

// Bump when processing logic changes what an entity turns into.
const PIPELINE_VERSION = 'atrium-catalog-1';

function buildKinds(contributions: readonly CatalogKindContribution[]): KindRegistry {
  const kinds = createKindRegistry();
  for (const contribution of contributions) {
    if ('register' in contribution) kinds.registerKind(contribution.register);
  }
  for (const contribution of contributions) {
    if ('extend' in contribution) kinds.extendKind(contribution.extend, contribution.extension);
  }
  return kinds;
}

function orderProcessors(processors: readonly CatalogProcessor[], config: CatalogConfig): CatalogProcessor[] {
  const priorityOf = (processor: CatalogProcessor) =>
    config.processorOptions[processor.getProcessorName()]?.priority ?? processor.priority ?? 20;
  return processors
    .filter((processor) => !config.processorOptions[processor.getProcessorName()]?.disabled)
    .map((processor, index) => ({ processor, index, priority: priorityOf(processor) }))
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
    .map((entry) => entry.processor);
}

// Change events for subscribers, and audit records of what processing and providers changed.
function createPublisher(deps: RuntimeDeps) {
  const audit = createPipelineAudit(deps.auditor, deps.auth.getOwnServiceCredentials(), deps.logger);
  return createCatalogEventPublisher(deps.events, deps.logger, audit);
}

/**
 * Builds everything the catalog runs on from its dependencies: kind registry, processing
 * context, location store, caches, event publisher and the processing engine (idle when
 * `catalog.processingInterval` is `false`).
 *
 * @example
 * const { services, engine } = createCatalogRuntime({ sql, config, logger, ... });
 */
export function createCatalogRuntime(deps: RuntimeDeps): {
  services: CatalogServices;
  engine: ProcessingEngine;
  /** Identifies the pipeline (code version, kinds, processors): when it changes, nothing is pure any more. */
  fingerprint: string;
} {
  const { sql, config, logger } = deps;
  const publish = createPublisher(deps);
  const context = {
    kinds: buildKinds(deps.kinds),
    processors: orderProcessors(deps.processors, config),
    rules: createCatalogRules(config, resolveConfigTarget),
    urlReader: deps.urlReader,
    parser: parseEntityYaml,
    readConcurrency: 16,
    ancestorsOf: (ref: string) => ancestorsOf(sql, ref),
    childSink: createChildSink(sql, publish),
  };

  const schedule = createProcessingSchedule(config);
  const engine: ProcessingEngine = schedule
    ? createProcessingEngine({
        sql,
        workQueue: deps.workQueue,
        context,
        schedule,
        orphanStrategy: config.orphanStrategy,
        pollMs: durationToMs(config.processing.pollInterval),
        leaseMs: durationToMs(config.processing.leaseTimeout),
        batchSize: config.processing.batchSize,
        concurrency: config.processing.concurrency,
        logger,
        publish,
      })
    : { start: () => undefined, stop: async () => undefined, wake: () => undefined };
  if (!schedule) logger.info('catalog.processingInterval is false: entities are not processed');
  const services: CatalogServices = {
    sql,
    reader: deps.reader,
    cache: createGenerationCache(deps.reader),
    logger,
    permissions: deps.permissions,
    auth: deps.auth,
    auditor: deps.auditor,
    config,
    locations: createLocationStore(sql),
    engine,
    context,
    publish,
  };
  const fingerprint = contentHash(
    PIPELINE_VERSION,
    JSON.stringify(context.kinds.listKinds()),
    JSON.stringify(deps.kinds),
    context.processors.map((processor) => processor.getProcessorName()).join(','),
  );
  return { services, engine, fingerprint };
}

/** Loads served entities by ref, for permission checks on one resource. */
export async function loadEntities(reader: SqlReader, refs: string[]): Promise<Array<Entity | undefined>> {
  if (refs.length === 0) return [];
  const rows = await reader.all(
    sql<{
      ref: string;
      json: StoredJson;
    }>`SELECT entity_ref AS ref, final_entity AS json FROM final_entities WHERE entity_ref IN (${listOf(reader.dialect, refs)})`,
  );
  const byRef = new Map(rows.map((row) => [row.ref, JSON.parse(row.json) as Entity]));
  return refs.map((ref) => byRef.get(ref.toLowerCase()));
}
