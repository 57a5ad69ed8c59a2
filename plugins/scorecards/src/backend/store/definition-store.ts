import { ConflictError, InputError, NotFoundError } from '@atrium/errors';
import type { DatabaseService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { DefinitionSource } from '../../common/index.js';
import { bindDb, type RestOf } from './bind-db.js';
import type { DefinitionRow, ScorecardsTables } from './tables.js';

/** The kinds of definition. */
export type DefinitionKind = DefinitionRow['kind'];

/** A stored definition: the body as written plus its source and times. */
export interface StoredDefinition {
  id: string;
  body: Record<string, unknown>;
  source: DefinitionSource;
  createdAt: string;
  updatedAt: string;
}

function toStored(row: DefinitionRow): StoredDefinition {
  return {
    id: row.id,
    body: JSON.parse(row.body) as Record<string, unknown>,
    source: row.source_location
      ? { type: row.source_type, location: row.source_location }
      : { type: row.source_type },
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

const table = 'scorecards_definitions' as const;

async function definitionsList(
  db: Kysely<ScorecardsTables>,
  kind: DefinitionKind,
): Promise<StoredDefinition[]> {
  const rows = await db.selectFrom(table).selectAll().where('kind', '=', kind).orderBy('id').execute();
  return rows.map(toStored);
}

async function definitionsGet(
  db: Kysely<ScorecardsTables>,
  kind: DefinitionKind,
  id: string,
): Promise<StoredDefinition | undefined> {
  const row = await db
    .selectFrom(table)
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** Creates a UI definition; a definition of that id from any source is a conflict. */
async function definitionsCreate(
  db: Kysely<ScorecardsTables>,
  kind: DefinitionKind,
  id: string,
  body: object,
  now = Date.now(),
): Promise<void> {
  const existing = await definitionsGet(db, kind, id);
  if (existing)
    throw new ConflictError(
      `a ${kind} '${id}' exists already (source: ${existing.source.type}); choose another id`,
    );
  await db
    .insertInto(table)
    .values({
      kind,
      id,
      source_type: 'ui',
      source_location: null,
      body: JSON.stringify(body),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Updates a UI definition; config and file definitions are read-only here (edit their file). */
async function definitionsUpdate(
  db: Kysely<ScorecardsTables>,
  kind: DefinitionKind,
  id: string,
  body: object,
  now = Date.now(),
): Promise<void> {
  const existing = await definitionsGet(db, kind, id);
  if (!existing) throw new NotFoundError(`no ${kind} '${id}'`);
  if (existing.source.type !== 'ui')
    throw new ConflictError(
      `${kind} '${id}' is defined in ${existing.source.location ?? existing.source.type} (source: ${existing.source.type}) and is read-only here; edit it there`,
      { details: { source: existing.source } },
    );
  await db
    .updateTable(table)
    .set({ body: JSON.stringify(body), updated_at: now })
    .where('kind', '=', kind)
    .where('id', '=', id)
    .execute();
}

async function definitionsRemove(
  db: Kysely<ScorecardsTables>,
  kind: DefinitionKind,
  id: string,
): Promise<void> {
  const existing = await definitionsGet(db, kind, id);
  if (!existing) throw new NotFoundError(`no ${kind} '${id}'`);
  if (existing.source.type !== 'ui')
    throw new ConflictError(`${kind} '${id}' comes from ${existing.source.type} and cannot be deleted here`);
  await db.deleteFrom(table).where('kind', '=', kind).where('id', '=', id).execute();
}

/**
 * Makes the stored definitions of one non-UI source exactly `items` (added, changed,
 * removed). An id that another source defines is refused: no silent merge of sources.
 */
async function definitionsReplaceSource(
  database: Pick<DatabaseService, 'transaction'>,
  source: DefinitionSource,
  items: Array<{ kind: DefinitionKind; id: string; body: object }>,
  now = Date.now(),
): Promise<void> {
  const location = source.location ?? null;
  // In the kernel's retried transaction: backends starting together replace the same source.
  await database.transaction<ScorecardsTables>(async (trx) => {
    const rows = await trx.selectFrom(table).selectAll().execute();
    const sameSource = (row: DefinitionRow) =>
      row.source_type === source.type && row.source_location === location;
    for (const item of items) {
      const other = rows.find((row) => row.kind === item.kind && row.id === item.id && !sameSource(row));
      if (other)
        throw new InputError(
          `${item.kind} '${item.id}' from ${location ?? source.type} is also defined by ${other.source_location ?? other.source_type} (source: ${other.source_type}); one definition has one source — rename or remove one`,
        );
    }
    const keep = new Set(items.map((item) => `${item.kind}/${item.id}`));
    for (const row of rows.filter(sameSource)) {
      if (!keep.has(`${row.kind}/${row.id}`))
        await trx.deleteFrom(table).where('kind', '=', row.kind).where('id', '=', row.id).execute();
    }
    for (const item of items) {
      const values = { body: JSON.stringify(item.body), updated_at: now };
      await trx
        .insertInto(table)
        .values({
          kind: item.kind,
          id: item.id,
          source_type: source.type,
          source_location: location,
          created_at: now,
          ...values,
        })
        .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet(values))
        .execute();
    }
  });
}

/** Reads and writes checks, tracks and campaigns, each with the source it came from. */
export function createDefinitionStore(
  db: Kysely<ScorecardsTables>,
  database: Pick<DatabaseService, 'transaction'>,
) {
  return {
    list: bindDb(definitionsList, db),
    get: bindDb(definitionsGet, db),
    create: bindDb(definitionsCreate, db),
    update: bindDb(definitionsUpdate, db),
    remove: bindDb(definitionsRemove, db),
    replaceSource: (...args: RestOf<typeof definitionsReplaceSource>) =>
      definitionsReplaceSource(database, ...args),
  };
}

/** The definition store. */
export type DefinitionStore = ReturnType<typeof createDefinitionStore>;
