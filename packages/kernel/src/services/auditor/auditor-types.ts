import type { FastifyRequest } from 'fastify';
import type { Credentials } from '../auth/credentials.js';

/** Backstage's severities: `low` for reads, `medium` for writes, `high`/`critical` for permission changes. */
export type AuditSeverityLevel = 'low' | 'medium' | 'high' | 'critical';

/** Who did it. */
export interface AuditActor {
  /** A user entity ref, a plugin or external subject, or undefined for an anonymous caller. */
  actorId?: string;
  type: 'user' | 'service' | 'none';
  ip?: string;
  userAgent?: string;
}

/** One finished audit event, as sinks receive it and the log stream prints it. */
export interface AuditRecord {
  id: string;
  /** ISO 8601, when the event was created. */
  time: string;
  pluginId: string;
  /** `<pluginId>.<event>`, e.g. `catalog.location.create`. */
  eventId: string;
  severityLevel: AuditSeverityLevel;
  status: 'succeeded' | 'failed';
  actor: AuditActor;
  request?: { id: string; method: string; url: string };
  /** What the event acted on, e.g. an entity or location ref. */
  target?: string;
  meta: Record<string, unknown>;
  error?: { name: string; message: string };
}

/** What a caller gives to record an event. */
export interface AuditEventOptions {
  /** The event name within the plugin (`location.create`); the plugin id is prefixed. */
  eventId: string;
  severityLevel?: AuditSeverityLevel;
  /** The HTTP request that caused it: gives the actor, request id, method and path. */
  request?: FastifyRequest;
  /** The actor when there is no request (a provider run, a scheduled task). */
  credentials?: Credentials;
  target?: string;
  meta?: Record<string, unknown>;
}

/** An event in progress; finish it once with its outcome. */
export interface AuditorEvent {
  success(options?: { target?: string; meta?: Record<string, unknown> }): Promise<void>;
  fail(options: { error: unknown; target?: string; meta?: Record<string, unknown> }): Promise<void>;
}

/** Records audit events of one plugin (`coreServices.auditor`). */
export interface AuditorService {
  createEvent(options: AuditEventOptions): Promise<AuditorEvent>;
  /** Records an event that already finished (e.g. entities a provider changed). */
  record(options: AuditEventOptions & { status: 'succeeded' | 'failed'; error?: unknown }): Promise<void>;
}

/** Where finished records go beyond the log stream; the audit plugin registers one that stores them. */
export interface AuditSink {
  write(records: AuditRecord[]): Promise<void>;
}

/** Root service through which a plugin adds a sink (`coreServices.auditSinks`). */
export interface AuditSinksService {
  add(sink: AuditSink): void;
}
