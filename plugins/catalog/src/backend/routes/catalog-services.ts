import type { AuditorService, AuthService, LoggerService, PermissionsService } from '@atrium/kernel';
import type { CatalogConfig } from '../config/catalog-config.js';
import type { SqlClient } from '../database/sql-client.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { CatalogEventPublisher } from '../processing/catalog-event-publisher.js';
import type { ProcessingContext } from '../processing/processing-context.js';
import type { ProcessingEngine } from '../processing/processing-engine.js';
import type { LocationStore } from '../providers/location-store.js';
import type { GenerationCache } from '../query/generation-cache.js';

/** What the route handlers work with; built once in the plugin's init. */
export interface CatalogServices {
  sql: SqlClient;
  /** Read-only access for the query endpoints (its own connection on SQLite). */
  reader: SqlReader;
  cache: GenerationCache;
  logger: LoggerService;
  permissions: PermissionsService;
  auth: AuthService;
  /** Audit events of API mutations (locations, entity delete and refresh). */
  auditor: AuditorService;
  config: CatalogConfig;
  locations: LocationStore;
  engine: Pick<ProcessingEngine, 'wake'>;
  /** The processing pipeline, for validation, dry runs and analysis (nothing is stored). */
  context: ProcessingContext;
  publish: CatalogEventPublisher;
}
