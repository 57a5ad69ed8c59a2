import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Credentials } from '../auth/credentials.js';
import type { LoggerService } from '../logger/logger-service.js';
import type {
  AuditActor,
  AuditEventOptions,
  AuditorService,
  AuditRecord,
  AuditSeverityLevel,
  AuditSink,
  AuditSinksService,
} from './auditor-types.js';

/** Records made before a sink is added (plugins start in any order) wait here, bounded. */
const MAX_PENDING = 10_000;

/** The backend's audit hub: prints every record as a JSON log line and hands it to the sinks. */
export interface AuditHub extends AuditSinksService {
  forPlugin(pluginId: string): AuditorService;
  /** Records not yet handed to a sink (none when no sink is ever added). */
  pending(): number;
}

/** Which log level each severity prints at (`backend.auditor.severityLogLevelMappings`). */
export type SeverityLogLevels = Record<AuditSeverityLevel, 'debug' | 'info' | 'warn' | 'error'>;

export const defaultSeverityLogLevels: SeverityLogLevels = {
  low: 'debug',
  medium: 'info',
  high: 'info',
  critical: 'info',
};

function actorOf(credentials: Credentials | undefined, request: FastifyRequest | undefined): AuditActor {
  const principal = credentials?.principal ?? request?.atriumCredentials?.principal;
  const actor: AuditActor =
    principal?.type === 'user'
      ? { type: 'user', actorId: principal.userEntityRef }
      : principal?.type === 'service'
        ? { type: 'service', actorId: principal.subject }
        : { type: 'none' };
  if (request) {
    actor.ip = request.ip;
    const agent = request.headers['user-agent'];
    if (typeof agent === 'string') actor.userAgent = agent;
  }
  return actor;
}

function errorOf(error: unknown): AuditRecord['error'] {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** How an event ended. */
type Outcome = {
  status: AuditRecord['status'];
  error?: unknown;
  target?: string;
  meta?: Record<string, unknown>;
};

/** The record of a finished event; the actor comes from the credentials or the request. */
function buildRecord(
  pluginId: string,
  options: AuditEventOptions,
  time: string,
  outcome: Outcome,
): AuditRecord {
  const { request } = options;
  return {
    id: randomUUID(),
    time,
    pluginId,
    eventId: `${pluginId}.${options.eventId}`,
    severityLevel: options.severityLevel ?? 'low',
    status: outcome.status,
    actor: actorOf(options.credentials, request),
    // The path only: query strings can carry tokens and search terms.
    request: request
      ? { id: String(request.id), method: request.method, url: request.url.split('?')[0] ?? '' }
      : undefined,
    target: outcome.target ?? options.target,
    meta: { ...options.meta, ...outcome.meta },
    error: outcome.status === 'failed' ? errorOf(outcome.error) : undefined,
  };
}

/** One plugin's auditor over the hub's emit. */
function createPluginAuditor(pluginId: string, emit: (record: AuditRecord) => Promise<void>): AuditorService {
  return {
    async createEvent(options) {
      const time = new Date().toISOString();
      let finished = false;
      const finish = (outcome: Outcome) => {
        // An event has one outcome; a second call is a bug in the caller, not a new event.
        if (finished) return Promise.resolve();
        finished = true;
        return emit(buildRecord(pluginId, options, time, outcome));
      };
      return {
        success: (o) => finish({ status: 'succeeded', target: o?.target, meta: o?.meta }),
        fail: (o) => finish({ status: 'failed', error: o.error, target: o.target, meta: o.meta }),
      };
    },
    async record(options) {
      const outcome = { status: options.status, error: options.error };
      await emit(buildRecord(pluginId, options, new Date().toISOString(), outcome));
    },
  };
}

/**
 * Creates the audit hub. A sink that throws does not fail the audited action: the record
 * is still in the log stream, and the failure is logged.
 */
export function createAuditHub(
  logger: LoggerService,
  levels: SeverityLogLevels = defaultSeverityLogLevels,
): AuditHub {
  const sinks: AuditSink[] = [];
  let pending: AuditRecord[] = [];
  const log = logger.child({ isAuditEvent: true });

  async function emit(record: AuditRecord): Promise<void> {
    log[levels[record.severityLevel]](record.eventId, { ...record });
    if (sinks.length === 0) {
      if (pending.length < MAX_PENDING) pending.push(record);
      return;
    }
    await deliver([record]);
  }

  async function deliver(records: AuditRecord[]): Promise<void> {
    for (const sink of sinks) {
      try {
        await sink.write(records);
      } catch (error) {
        logger.error(
          `audit sink failed to store ${records.length} record(s); they are in the log stream`,
          error as Error,
        );
      }
    }
  }

  return {
    add(sink) {
      sinks.push(sink);
      if (pending.length > 0) {
        const backlog = pending;
        pending = [];
        void deliver(backlog);
      }
    },
    pending: () => pending.length,
    forPlugin: (pluginId) => createPluginAuditor(pluginId, emit),
  };
}
