import { coreServices, definePlugin, durationToMs } from '@atrium/kernel';
import { auditApi, auditPermissionList } from '../common/index.js';
import { auditConfigSchema } from './config.js';
import { scheduleRetention } from './retention.js';
import { auditRoutes } from './routes/audit-routes.js';
import { createBatchingAuditSink } from './sink/batching-audit-sink.js';
import { createAuditStore } from './store/audit-store.js';
import { auditMigrations } from './store/migrations.js';
import type { AuditTables } from './store/tables.js';

const SHUTDOWN_GRACE_MS = 5000;

/**
 * The audit log at `/api/audit`: stores every audit event this backend records (through
 * `coreServices.auditSinks`) in its own append-only table, serves it paged and filtered to
 * who may `audit.event.read`, and deletes events older than `audit.retention.days`.
 *
 * @example
 * backend.add(auditPlugin); // or backend.features: ['@atrium/audit/backend']
 */
export const auditPlugin = definePlugin({
  id: 'audit',
  description: 'The audit log: stores audit events (append-only), serves them filtered, enforces retention',
  config: auditConfigSchema,
  deps: {
    database: coreServices.database,
    http: coreServices.httpRouter,
    logger: coreServices.logger,
    permissions: coreServices.permissions,
    scheduler: coreServices.scheduler,
    auditor: coreServices.auditor,
    sinks: coreServices.auditSinks,
  },
  permissions: auditPermissionList,
  migrations: auditMigrations,
  apis: [auditApi],
  async init({ deps, config }) {
    const store = createAuditStore(
      await deps.database.getClient<AuditTables>(),
      await deps.database.getReader<AuditTables>(),
    );
    const sink = createBatchingAuditSink({
      append: (records) => store.append(records),
      logger: deps.logger,
      batchSize: config.batchSize,
      flushDelayMs: durationToMs(config.flushDelay),
      maxBuffered: config.maxBuffered,
    });
    // Each backend stores the records of its own auditors: a record is stored once.
    deps.sinks.add(sink);
    deps.http.implement(
      auditApi,
      auditRoutes({
        store,
        permissions: deps.permissions,
        auditor: deps.auditor,
        auditReads: config.auditReads,
      }),
    );
    await scheduleRetention({
      scheduler: deps.scheduler,
      store,
      config: config.retention,
      logger: deps.logger,
    });
    return {
      stop: () => sink.stop(SHUTDOWN_GRACE_MS),
    };
  },
});

export default auditPlugin;
