import type { DatabaseService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { CheckResult, CheckState } from '../../common/index.js';
import { bindDb, type RestOf } from './bind-db.js';
import type { HistoryRow, Readable, ResultRow, ScorecardsTables } from './tables.js';
import { upsertRows } from './upsert-rows.js';

/** A result to store. */
export interface ResultWrite {
  entityRef: string;
  checkId: string;
  scope: string;
  state: CheckState;
  details: Record<string, unknown>;
  submittedBy: string;
  /** Owner of the entity, kept on history rows for team trends. */
  ownerRef?: string;
}

/** Who evaluated rule checks, as `submittedBy` shows it. */
export const EVALUATOR = 'scorecards';

/**
 * Maps a stored row to the API's result. An evaluated result that did not change is not
 * written again: its lastChecked is the entity's last evaluation (`evaluatedAt`).
 */
export function toCheckResult(row: ResultRow & { evaluated_at?: number | null }): CheckResult {
  const evaluatedAt = row.submitted_by === EVALUATOR ? Number(row.evaluated_at ?? 0) : 0;
  return {
    entityRef: row.entity_ref,
    checkId: row.check_id,
    scope: row.scope,
    state: row.state as CheckState,
    details: JSON.parse(row.details) as Record<string, unknown>,
    submittedBy: row.submitted_by,
    lastChecked: new Date(Math.max(Number(row.last_checked), evaluatedAt)).toISOString(),
    stateSince: new Date(Number(row.state_since)).toISOString(),
  };
}

const key = (entityRef: string, checkId: string, scope: string) => `${entityRef}\n${checkId}\n${scope}`;

const table = 'scorecards_results' as const;
// Results per transaction: the existing rows are read once per chunk.
const CHUNK = 1000;
async function existing(
  executor: Kysely<ScorecardsTables>,
  writes: ResultWrite[],
): Promise<Map<string, ResultRow>> {
  const rows = await executor
    .selectFrom(table)
    .selectAll()
    .where('entity_ref', 'in', [...new Set(writes.map((write) => write.entityRef))])
    .where('check_id', 'in', [...new Set(writes.map((write) => write.checkId))])
    .execute();
  return new Map(rows.map((row) => [key(row.entity_ref, row.check_id, row.scope), row]));
}

function nextRow(
  write: ResultWrite,
  row: ResultRow | undefined,
  now: number,
  preserveStateOnError?: boolean,
) {
  const keep = preserveStateOnError && write.state === 'error' && row && row.state !== 'error';
  const state = keep ? row.state : write.state;
  const changed = !row || row.state !== state;
  const next: ResultRow = {
    entity_ref: write.entityRef,
    check_id: write.checkId,
    scope: write.scope,
    state,
    details: JSON.stringify(write.details),
    submitted_by: write.submittedBy,
    last_checked: now,
    state_since: changed ? now : Number(row.state_since),
  };
  const transition: HistoryRow | undefined = changed
    ? {
        entity_ref: write.entityRef,
        check_id: write.checkId,
        scope: write.scope,
        from_state: row?.state ?? null,
        to_state: state,
        submitted_by: write.submittedBy,
        owner_ref: write.ownerRef ?? null,
        at: now,
      }
    : undefined;
  return { next, transition };
}

const sameResult = (a: ResultRow, b: ResultRow) =>
  a.state === b.state && a.details === b.details && a.submitted_by === b.submitted_by;

/**
 * Stores results; a change of state also appends to the history. With `skipUnchanged`
 * (the evaluator), a result equal to the stored one is not written (the caller records
 * the entity's evaluation time instead). Answers the results written. With
 * `preserveStateOnError`, an incoming `error` keeps a stored non-error state (only
 * details, submitter and time change). Answers the stored results.
 */
async function resultsWrite(
  database: Pick<DatabaseService, 'transaction'>,
  writes: ResultWrite[],
  options: { preserveStateOnError?: boolean; now?: number; skipUnchanged?: boolean } = {},
): Promise<CheckResult[]> {
  if (writes.length === 0) return [];
  const now = options.now ?? Date.now();
  const out: CheckResult[] = [];
  for (let start = 0; start < writes.length; start += CHUNK) {
    const chunk = writes.slice(start, start + CHUNK);
    // Serializable: two backends writing the same entity's results at once must not both
    // see "no change yet" and record the same transition twice; the loser runs again.
    const written = await database.transaction<ScorecardsTables, CheckResult[]>(
      async (trx) => {
        const before = await existing(trx, chunk);
        const results: CheckResult[] = [];
        const rows: ResultRow[] = [];
        const transitions: HistoryRow[] = [];
        for (const write of chunk) {
          const rowKey = key(write.entityRef, write.checkId, write.scope);
          const row = before.get(rowKey);
          const { next, transition } = nextRow(write, row, now, options.preserveStateOnError);
          // A second write of the same result in this batch sees the first as stored.
          before.set(rowKey, next);
          if (options.skipUnchanged && row && sameResult(row, next)) continue;
          rows.push(next);
          if (transition) transitions.push(transition);
          results.push(toCheckResult(next));
        }
        await upsertRows(trx, table, ['entity_ref', 'check_id', 'scope'], rows);
        for (let at = 0; at < transitions.length; at += 200)
          await trx
            .insertInto('scorecards_history')
            .values(transitions.slice(at, at + 200))
            .execute();
        return results;
      },
      { isolation: 'serializable' },
    );
    out.push(...written);
  }
  return out;
}

/** Results with their entity's last evaluation time (see {@link toCheckResult}). */
const withEvaluatedAt = (db: Kysely<ScorecardsTables>) =>
  db
    .selectFrom(table)
    .leftJoin('scorecards_entities', 'scorecards_entities.entity_ref', `${table}.entity_ref`)
    .selectAll(table)
    .select('scorecards_entities.evaluated_at');

async function resultsForEntity(
  db: Kysely<ScorecardsTables>,
  entityRef: string,
  scope: string,
  checkIds?: string[],
): Promise<CheckResult[]> {
  let query = withEvaluatedAt(db).where(`${table}.entity_ref`, '=', entityRef).where('scope', '=', scope);
  if (checkIds) query = query.where('check_id', 'in', checkIds.length > 0 ? checkIds : ['']);
  return (await query.orderBy('check_id').execute()).map(toCheckResult);
}

/** States of many entities in the default scope (of some checks: those tracks read), for certification. */
async function resultsStatesFor(
  db: Kysely<ScorecardsTables>,
  entityRefs: string[],
  checkIds?: readonly string[],
): Promise<Map<string, Map<string, CheckState>>> {
  const out = new Map<string, Map<string, CheckState>>();
  if (checkIds?.length === 0) return out;
  for (let start = 0; start < entityRefs.length; start += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['entity_ref', 'check_id', 'state'])
      .where('scope', '=', 'default')
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
      .$if(checkIds !== undefined, (query) => query.where('check_id', 'in', checkIds ?? []))
      .execute();
    for (const row of rows) {
      const states = out.get(row.entity_ref) ?? new Map<string, CheckState>();
      states.set(row.check_id, row.state as CheckState);
      out.set(row.entity_ref, states);
    }
  }
  return out;
}

async function resultsForCheck(
  db: Kysely<ScorecardsTables>,
  checkId: string,
  scope: string,
  states: CheckState[] | undefined,
  limit: number,
  offset: number,
  readable?: Readable,
) {
  let query = db.selectFrom(table).where('check_id', '=', checkId).where('scope', '=', scope);
  if (states) query = query.where('state', 'in', states.length > 0 ? states : ['']);
  const checkRows = () =>
    withEvaluatedAt(db)
      .where('check_id', '=', checkId)
      .where('scope', '=', scope)
      .$if(states !== undefined, (q) => q.where('state', 'in', states?.length ? states : ['']))
      .orderBy(`${table}.entity_ref`);
  if (readable) {
    // A conditional caller: page over the readable rows only, so the total is true.
    const rows = (await checkRows().execute()).filter((row) => readable(row.entity_ref));
    return { results: rows.slice(offset, offset + limit).map(toCheckResult), totalCount: rows.length };
  }
  const [rows, count] = await Promise.all([
    checkRows().limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { results: rows.map(toCheckResult), totalCount: Number(count.count) };
}

function countStates(rows: Array<{ state: string }>): Array<{ state: string; count: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return [...counts].map(([state, count]) => ({ state, count }));
}

async function resultsCountsFor(
  db: Kysely<ScorecardsTables>,
  checkId: string,
  readable?: Readable,
): Promise<Record<CheckState, number>> {
  const query = db.selectFrom(table).where('check_id', '=', checkId).where('scope', '=', 'default');
  const rows = readable
    ? countStates(
        (await query.select(['entity_ref', 'state']).execute()).filter((row) => readable(row.entity_ref)),
      )
    : await query
        .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('state')
        .execute();
  const counts: Record<CheckState, number> = {
    passed: 0,
    failed: 0,
    warning: 0,
    'not-applicable': 0,
    error: 0,
  };
  for (const row of rows) counts[row.state as CheckState] = Number(row.count);
  return counts;
}

async function resultsRemoveEntities(db: Kysely<ScorecardsTables>, entityRefs: string[]): Promise<void> {
  for (let start = 0; start < entityRefs.length; start += 500)
    await db
      .deleteFrom(table)
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
      .execute();
}

/** Latest results, and a history row for every change of state. */
export function createResultStore(
  db: Kysely<ScorecardsTables>,
  database: Pick<DatabaseService, 'transaction'>,
) {
  return {
    write: (...args: RestOf<typeof resultsWrite>) => resultsWrite(database, ...args),
    forEntity: bindDb(resultsForEntity, db),
    statesFor: bindDb(resultsStatesFor, db),
    forCheck: bindDb(resultsForCheck, db),
    countsFor: bindDb(resultsCountsFor, db),
    removeEntities: bindDb(resultsRemoveEntities, db),
  };
}

/** The result store. */
export type ResultStore = ReturnType<typeof createResultStore>;
