/** A row of `audit_events`: the columns filters use, and the whole record as JSON. */
export interface AuditEventRow {
  id: string;
  /** Epoch milliseconds of the event; with `id`, the newest-first order and the cursor. */
  time_ms: number;
  plugin_id: string;
  event_id: string;
  severity: string;
  status: string;
  actor_id: string | null;
  actor_type: string;
  target: string | null;
  request_id: string | null;
  request_url: string | null;
  /** The whole `AuditRecord` as JSON text. */
  record: string;
}

/** The audit plugin's tables. */
export interface AuditTables {
  audit_events: AuditEventRow;
}
