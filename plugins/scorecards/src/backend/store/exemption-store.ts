import { ConflictError, NotFoundError } from '@atrium/errors';
import type { Kysely } from 'kysely';
import type { Exemption } from '../../common/index.js';
import { bindDb } from './bind-db.js';
import type { ExemptionRow, Readable, ScorecardsTables } from './tables.js';

type Status = Exemption['status'];

/** The status an exemption has today: an approved one past its last day has expired. */
function effectiveStatus(row: ExemptionRow, today: string): Status {
  if (row.status === 'approved' && row.expires_at !== null && row.expires_at < today) return 'expired';
  return row.status as Status;
}

function toExemption(row: ExemptionRow, today: string): Exemption {
  return {
    checkId: row.check_id,
    entityRef: row.entity_ref,
    status: effectiveStatus(row, today),
    justification: row.justification,
    userRef: row.user_ref,
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
    ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
    ...(row.revoked_by ? { revokedBy: row.revoked_by } : {}),
    ...(row.revoke_reason ? { revokeReason: row.revoke_reason } : {}),
    timestamp: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

const table = 'scorecards_exemptions' as const;
const row = (db: Kysely<ScorecardsTables>, checkId: string, entityRef: string) =>
  db
    .selectFrom(table)
    .selectAll()
    .where('check_id', '=', checkId)
    .where('entity_ref', '=', entityRef)
    .executeTakeFirst();
async function transition(
  db: Kysely<ScorecardsTables>,
  checkId: string,
  entityRef: string,
  from: Status[],
  set: Partial<ExemptionRow>,
): Promise<Exemption> {
  const current = await row(db, checkId, entityRef);
  if (!current) throw new NotFoundError(`no exemption of '${entityRef}' from check '${checkId}'`);
  const status = effectiveStatus(current, today());
  if (!from.includes(status))
    throw new ConflictError(
      `the exemption of '${entityRef}' from check '${checkId}' is ${status}; this needs it ${from.join(' or ')}`,
    );
  await db
    .updateTable(table)
    .set({ ...set, updated_at: Date.now() })
    .where('check_id', '=', checkId)
    .where('entity_ref', '=', entityRef)
    .execute();
  return toExemption((await row(db, checkId, entityRef)) as ExemptionRow, today());
}

async function exemptionsRequest(
  db: Kysely<ScorecardsTables>,
  input: {
    checkId: string;
    entityRef: string;
    justification: string;
    userRef: string;
    expiresAt?: string;
  },
) {
  const current = await row(db, input.checkId, input.entityRef);
  if (current && ['pending', 'approved'].includes(effectiveStatus(current, today())))
    throw new ConflictError(
      `'${input.entityRef}' already has a ${current.status} exemption from check '${input.checkId}'`,
    );
  const now = Date.now();
  const values = {
    status: 'pending',
    justification: input.justification,
    user_ref: input.userRef,
    expires_at: input.expiresAt ?? null,
    approved_by: null,
    revoked_by: null,
    revoke_reason: null,
    created_at: now,
    updated_at: now,
  };
  await db
    .insertInto(table)
    .values({ check_id: input.checkId, entity_ref: input.entityRef, ...values })
    .onConflict((oc) => oc.columns(['check_id', 'entity_ref']).doUpdateSet(values))
    .execute();
  return toExemption((await row(db, input.checkId, input.entityRef)) as ExemptionRow, today());
}

async function exemptionsGet(
  db: Kysely<ScorecardsTables>,
  checkId: string,
  entityRef: string,
): Promise<Exemption | undefined> {
  const found = await row(db, checkId, entityRef);
  return found ? toExemption(found, today()) : undefined;
}

/** Check ids with an approved, unexpired exemption, per entity. */
async function exemptionsActiveFor(
  db: Kysely<ScorecardsTables>,
  entityRefs: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const day = today();
  for (let start = 0; start < entityRefs.length; start += 500) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where('status', '=', 'approved')
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500))
      .execute();
    for (const found of rows.filter((candidate) => effectiveStatus(candidate, day) === 'approved')) {
      const set = out.get(found.entity_ref) ?? new Set<string>();
      set.add(found.check_id);
      out.set(found.entity_ref, set);
    }
  }
  return out;
}

async function exemptionsList(
  db: Kysely<ScorecardsTables>,
  filter: { checkIds?: string[]; entityRef?: string; status?: Status; readable?: Readable },
  limit: number,
  offset: number,
) {
  let query = db.selectFrom(table).selectAll();
  if (filter.checkIds) query = query.where('check_id', 'in', filter.checkIds.length ? filter.checkIds : ['']);
  if (filter.entityRef) query = query.where('entity_ref', '=', filter.entityRef);
  const rows = await query.orderBy('updated_at', 'desc').execute();
  const day = today();
  const all = rows
    .map((found) => toExemption(found, day))
    .filter((item) => !filter.status || item.status === filter.status)
    .filter((item) => !filter.readable || filter.readable(item.entityRef));
  return { exemptions: all.slice(offset, offset + limit), totalCount: all.length };
}

/** Exemptions per check and entity: requested, approved, revoked (kept), restored. */
export function createExemptionStore(db: Kysely<ScorecardsTables>) {
  return {
    request: bindDb(exemptionsRequest, db),
    approve: (checkId: string, entityRef: string, by: string) =>
      transition(db, checkId, entityRef, ['pending'], { status: 'approved', approved_by: by }),
    revoke: (checkId: string, entityRef: string, by: string, reason: string) =>
      transition(db, checkId, entityRef, ['pending', 'approved', 'expired'], {
        status: 'revoked',
        revoked_by: by,
        revoke_reason: reason,
      }),
    restore: (checkId: string, entityRef: string) =>
      transition(db, checkId, entityRef, ['revoked'], {
        status: 'approved',
        revoked_by: null,
        revoke_reason: null,
      }),
    get: bindDb(exemptionsGet, db),
    activeFor: bindDb(exemptionsActiveFor, db),
    list: bindDb(exemptionsList, db),
  };
}

/** The exemption store. */
export type ExemptionStore = ReturnType<typeof createExemptionStore>;
