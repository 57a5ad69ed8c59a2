import { type AuditRecord, sql } from '@atrium/kernel';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { AuditEvent, AuditQuery } from '../../common/index.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import type { AuditEventRow, AuditTables } from './tables.js';

/** The audit log's table: appended in batches, read newest first, trimmed by retention. */
export interface AuditStore {
  /** Appends records; one already stored (same id, e.g. a retried batch) is kept as it was. */
  append(records: readonly AuditRecord[]): Promise<void>;
  list(query: AuditQuery): Promise<{ items: AuditEvent[]; nextCursor?: string }>;
  get(id: string): Promise<AuditEvent | undefined>;
  /** Deletes events older than `beforeMs`; returns how many went. */
  deleteBefore(beforeMs: number): Promise<number>;
}

function rowOf(record: AuditRecord): AuditEventRow {
  return {
    id: record.id,
    time_ms: Date.parse(record.time),
    plugin_id: record.pluginId,
    event_id: record.eventId,
    severity: record.severityLevel,
    status: record.status,
    actor_id: record.actor.actorId ?? null,
    actor_type: record.actor.type,
    target: record.target ?? null,
    request_id: record.request?.id ?? null,
    request_url: record.request?.url ?? null,
    record: JSON.stringify(record),
  };
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Eb = ExpressionBuilder<AuditTables, 'audit_events'>;

function freeText(eb: Eb, text: string): Expression<SqlBool> {
  const pattern = likePattern(text);
  const columns = ['event_id', 'target', 'actor_id', 'request_url'] as const;
  // SQLite's LIKE has no escape character unless one is named.
  return eb.or(columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`));
}

/** The WHERE conditions of a query, one per filter given. */
function conditions(eb: Eb, query: AuditQuery): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (query.pluginId) where.push(eb('plugin_id', '=', query.pluginId));
  if (query.eventId) where.push(eb('event_id', 'in', query.eventId));
  if (query.severity) where.push(eb('severity', 'in', query.severity));
  if (query.status) where.push(eb('status', '=', query.status));
  if (query.actorId) where.push(eb('actor_id', '=', query.actorId));
  if (query.actorType) where.push(eb('actor_type', '=', query.actorType));
  if (query.target) where.push(eb('target', '=', query.target));
  if (query.from) where.push(eb('time_ms', '>=', Date.parse(query.from)));
  if (query.to) where.push(eb('time_ms', '<', Date.parse(query.to)));
  if (query.q) where.push(freeText(eb, query.q));
  if (query.cursor) {
    const after = decodeAuditCursor(query.cursor);
    where.push(
      eb.or([
        eb('time_ms', '<', after.timeMs),
        eb.and([eb('time_ms', '=', after.timeMs), eb('id', '<', after.id)]),
      ]),
    );
  }
  return where;
}

const eventOf = (row: Pick<AuditEventRow, 'record'>) => JSON.parse(row.record) as AuditEvent;

/** Creates the store over the plugin's database (writer) and read connection. */
export function createAuditStore(db: Kysely<AuditTables>, reader: Kysely<AuditTables>): AuditStore {
  return {
    async append(records) {
      if (records.length === 0) return;
      await db
        .insertInto('audit_events')
        .values(records.map(rowOf))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async list(query) {
      const rows = await reader
        .selectFrom('audit_events')
        .select(['id', 'time_ms', 'record'])
        .where((eb) => eb.and(conditions(eb, query)))
        .orderBy('time_ms', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > query.limit && last
          ? encodeAuditCursor({ timeMs: Number(last.time_ms), id: last.id })
          : undefined;
      return { items: page.map(eventOf), nextCursor };
    },
    async get(id) {
      const row = await reader
        .selectFrom('audit_events')
        .select('record')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? eventOf(row) : undefined;
    },
    async deleteBefore(beforeMs) {
      const result = await db.deleteFrom('audit_events').where('time_ms', '<', beforeMs).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
