import type { Kysely } from 'kysely';
import type { CheckState, ResultTransition, StateCounts } from '../../common/index.js';
import { bindDb } from './bind-db.js';
import type { HistoryRow, Readable, ScorecardsTables } from './tables.js';

/** Which transitions a history read selects. */
export interface HistoryFilter {
  entityRefs?: string[];
  checkIds?: string[];
  ownerRefs?: string[];
  since?: number;
  until?: number;
  /** Only transitions of entities the caller may read (a conditional read scope); none = all. */
  readable?: Readable;
}

function toTransition(row: HistoryRow): ResultTransition {
  return {
    entityRef: row.entity_ref,
    checkId: row.check_id,
    scope: row.scope,
    ...(row.from_state ? { fromState: row.from_state as CheckState } : {}),
    toState: row.to_state as CheckState,
    submittedBy: row.submitted_by,
    at: new Date(Number(row.at)).toISOString(),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The most transitions one history list (for a conditional caller) or "what changed" reads. */
const SCAN_LIMIT = 50_000;
const onlyReadable = <T extends { entity_ref: string }>(rows: T[], readable: Readable | undefined) =>
  readable ? rows.filter((row) => readable(row.entity_ref)) : rows;
const emptyCounts = (): StateCounts => ({ passed: 0, failed: 0, warning: 0, 'not-applicable': 0, error: 0 });

const filtered = (db: Kysely<ScorecardsTables>, filter: HistoryFilter) => {
  let query = db.selectFrom('scorecards_history');
  const none = [''];
  if (filter.entityRefs)
    query = query.where('entity_ref', 'in', filter.entityRefs.length ? filter.entityRefs : none);
  if (filter.checkIds) query = query.where('check_id', 'in', filter.checkIds.length ? filter.checkIds : none);
  if (filter.ownerRefs)
    query = query.where('owner_ref', 'in', filter.ownerRefs.length ? filter.ownerRefs : none);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  return query;
};

async function historyList(
  db: Kysely<ScorecardsTables>,
  filter: HistoryFilter,
  limit: number,
  offset: number,
) {
  const query = filtered(db, filter);
  if (filter.readable) {
    // A conditional caller: the newest transitions, readable ones only, paged here (counts true).
    const rows = await query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('entity_ref')
      .orderBy('check_id')
      .limit(SCAN_LIMIT)
      .execute();
    const readable = rows.filter((row) => filter.readable?.(row.entity_ref));
    return {
      transitions: readable.slice(offset, offset + limit).map(toTransition),
      totalCount: readable.length,
    };
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('entity_ref')
      .orderBy('check_id')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { transitions: rows.map(toTransition), totalCount: Number(count.count) };
}

/**
 * Pairs whose state now differs from their state at `since`: the first transition in the
 * window gives the old state, the last the new one; pairs that came back are left out.
 */
async function historyChanges(
  db: Kysely<ScorecardsTables>,
  filter: HistoryFilter & { since: number },
  limit: number,
) {
  const rows = onlyReadable(
    await filtered(db, filter).selectAll().orderBy('at').limit(SCAN_LIMIT).execute(),
    filter.readable,
  );
  const pairs = new Map<string, { first: HistoryRow; last: HistoryRow }>();
  for (const row of rows) {
    const pairKey = `${row.entity_ref}\n${row.check_id}\n${row.scope}`;
    const pair = pairs.get(pairKey);
    if (pair) pair.last = row;
    else pairs.set(pairKey, { first: row, last: row });
  }
  const changes = [...pairs.values()]
    .filter(({ first, last }) => first.from_state !== last.to_state)
    .map(({ first, last }) => ({ ...toTransition({ ...last, from_state: first.from_state }) }))
    .sort((a, b) => b.at.localeCompare(a.at));
  const passing = (state: string | undefined) => state === 'passed';
  return {
    changes: changes.slice(0, limit),
    summary: {
      newlyPassing: changes.filter((change) => passing(change.toState) && !passing(change.fromState)).length,
      newlyFailing: changes.filter((change) => change.toState === 'failed' && change.fromState !== 'failed')
        .length,
    },
  };
}

/**
 * Per-day counts of the latest state of each pair at the end of each day, replayed from
 * the history (so a day with no transitions still counts what was true then).
 */
async function historyTrends(
  db: Kysely<ScorecardsTables>,
  filter: HistoryFilter,
  numberOfDays: number,
  now = Date.now(),
) {
  const end = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  const start = end - numberOfDays * DAY_MS;
  const rows = onlyReadable(
    await filtered(db, { ...filter, until: end })
      .select(['entity_ref', 'check_id', 'scope', 'to_state', 'at'])
      .orderBy('at')
      .execute(),
    filter.readable,
  );
  const current = new Map<string, string>();
  const days: Array<{ date: string; counts: StateCounts }> = [];
  let index = 0;
  for (let dayEnd = start + DAY_MS; dayEnd <= end; dayEnd += DAY_MS) {
    while (index < rows.length && Number(rows[index]?.at) < dayEnd) {
      const row = rows[index++] as (typeof rows)[number];
      current.set(`${row.entity_ref}\n${row.check_id}\n${row.scope}`, row.to_state);
    }
    const counts = emptyCounts();
    for (const state of current.values()) counts[state as CheckState] += 1;
    days.push({ date: new Date(dayEnd - DAY_MS).toISOString().slice(0, 10), counts });
  }
  return { days };
}

/** Reads the history of transitions: lists, what changed since, per-day trends. */
export function createHistoryStore(db: Kysely<ScorecardsTables>) {
  return {
    list: bindDb(historyList, db),
    changes: bindDb(historyChanges, db),
    trends: bindDb(historyTrends, db),
  };
}

/** The history store. */
export type HistoryStore = ReturnType<typeof createHistoryStore>;
