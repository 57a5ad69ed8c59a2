import { type RawBuilder, sql } from 'kysely';
import type { WorkItem, WorkQueueSource, WorkQueueTable } from './work-queue-service.js';

type Row = Record<string, unknown>;

/** The table and its columns as SQL references, with the list a claim returns. */
function tableRefs(table: WorkQueueTable) {
  const c = table.columns ?? {};
  const id = sql.ref(c.id ?? 'id');
  const attempts = sql.ref(c.attempts ?? 'attempts');
  const extra = (table.select ?? []).map((column) => sql.ref(column));
  return {
    t: sql.table(table.table),
    id,
    dueAt: sql.ref(c.dueAt ?? 'due_at'),
    owner: sql.ref(c.leaseOwner ?? 'lease_owner'),
    expires: sql.ref(c.leaseExpiresAt ?? 'lease_expires_at'),
    attempts,
    returning: sql.join([sql`${id} AS id`, sql`${attempts} AS attempts`, ...extra]),
  };
}

/** The `only` condition (empty without one); undefined when it allows no row at all. */
function onlyFilter(table: WorkQueueTable): RawBuilder<unknown> | undefined {
  if (!table.only) return sql``;
  const values = table.only.values();
  if (values.length === 0) return undefined;
  return sql` AND ${sql.ref(table.only.column)} IN (${sql.join(values)})`;
}

/** A claimed row as a work item: its id and attempts apart, the selected columns as data. */
function toItem(row: Row): WorkItem<Row> {
  const data = { ...row };
  delete data.id;
  delete data.attempts;
  return { id: row.id as string | number, attempts: Number(row.attempts), data };
}

/**
 * The claim/lease SQL over a plugin's table. A claim is one UPDATE of the rows a sub-select
 * picks: SQLite runs writes one at a time, and on PostgreSQL `FOR UPDATE SKIP LOCKED` makes
 * concurrent claimers pass over each other's rows, so no row is ever claimed twice.
 * Expired leases are cleared first (and counted) so their rows are due again.
 *
 * @example
 * const source = createTableSource({ db, dialect: 'postgres', table: 'jobs' });
 * const { items } = await source.claim({ owner: 'b1', limit: 10, now, leaseExpiresAt: now + 60_000 });
 */
export function createTableSource(table: WorkQueueTable): WorkQueueSource<Row> {
  const { db } = table;
  const c = table.columns ?? {};
  const { t, id, dueAt, owner, expires, attempts, returning } = tableRefs(table);
  const lock = table.dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const only = () => onlyFilter(table);
  const inIds = (items: WorkItem<Row>[]) => sql.join(items.map((item) => item.id));

  return {
    async claim({ owner: me, limit, now, leaseExpiresAt }) {
      const filter = only();
      if (!filter) return { items: [] };
      const reaped = await sql`UPDATE ${t} SET ${owner} = NULL, ${expires} = NULL
        WHERE ${owner} IS NOT NULL AND ${expires} < ${now}${filter}`.execute(db);
      const { rows } = await sql<Row>`UPDATE ${t}
        SET ${owner} = ${me}, ${expires} = ${leaseExpiresAt}, ${attempts} = ${attempts} + 1
        WHERE ${id} IN (
          SELECT ${id} FROM ${t} WHERE ${dueAt} <= ${now} AND ${owner} IS NULL${filter}
          ORDER BY ${dueAt} LIMIT ${limit}${lock}
        ) AND ${owner} IS NULL
        RETURNING ${returning}`.execute(db);
      return { items: rows.map(toItem), expiredLeases: Number(reaped.numAffectedRows ?? 0) };
    },
    async extend(items, { owner: me, leaseExpiresAt }) {
      const { rows } = await sql<{ id: string | number }>`UPDATE ${t} SET ${expires} = ${leaseExpiresAt}
        WHERE ${id} IN (${inIds(items)}) AND ${owner} = ${me} RETURNING ${id} AS id`.execute(db);
      return rows.map((row) => row.id);
    },
    async complete(item, outcome, me) {
      const finished = Date.now();
      const sets = [
        sql`${owner} = NULL`,
        sql`${expires} = NULL`,
        sql`${dueAt} = ${outcome.status === 'done' ? outcome.dueAt : outcome.retryAt}`,
      ];
      if (outcome.status === 'done') sets.push(sql`${attempts} = 0`);
      if (c.lastError)
        sets.push(
          sql`${sql.ref(c.lastError)} = ${outcome.status === 'failed' ? outcome.error.message : null}`,
        );
      if (c.finishedAt) sets.push(sql`${sql.ref(c.finishedAt)} = ${finished}`);
      await sql`UPDATE ${t} SET ${sql.join(sets)} WHERE ${id} = ${item.id} AND ${owner} = ${me}`.execute(db);
    },
    async release(items, me) {
      if (items.length === 0) return;
      await sql`UPDATE ${t} SET ${owner} = NULL, ${expires} = NULL, ${attempts} = ${attempts} - 1
        WHERE ${id} IN (${inIds(items)}) AND ${owner} = ${me}`.execute(db);
    },
    async depth(now) {
      const filter = only() ?? sql` AND 1 = 0`;
      const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${t}
        WHERE ${dueAt} <= ${now}${filter}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
  };
}
