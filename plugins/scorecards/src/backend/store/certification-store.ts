import type { Kysely } from 'kysely';
import type { Certification, TeamGridRow, TrackTeamCell } from '../../common/index.js';
import { bindDb } from './bind-db.js';
import type { Readable, ScorecardsTables } from './tables.js';
import { upsertRows } from './upsert-rows.js';

const table = 'scorecards_certifications' as const;

/** The stored body, if writing `certification` would change nothing but its timestamp. */
function unchanged(
  stored: { owner_ref: string; body: string } | undefined,
  certification: Certification,
  ownerRef: string,
) {
  if (!stored || stored.owner_ref !== ownerRef) return false;
  if (stored.body === JSON.stringify(certification)) return true;
  const before = (JSON.parse(stored.body) as Certification).certificationTimestamp;
  return (
    Boolean(before) && stored.body === JSON.stringify({ ...certification, certificationTimestamp: before })
  );
}

/**
 * Stores certifications; one whose level and check states did not change keeps its row
 * (and so the time the level was reached).
 */
async function certificationsWrite(
  db: Kysely<ScorecardsTables>,
  items: Array<{ certification: Certification; ownerRef: string }>,
  now = Date.now(),
): Promise<void> {
  const stored = new Map<string, { owner_ref: string; body: string }>();
  const refs = [...new Set(items.map((item) => item.certification.entityRef))];
  for (let start = 0; start < refs.length; start += 500)
    for (const row of await db
      .selectFrom(table)
      .select(['entity_ref', 'track_id', 'owner_ref', 'body'])
      .where('entity_ref', 'in', refs.slice(start, start + 500))
      .execute())
      stored.set(`${row.entity_ref}\n${row.track_id}`, row);
  const rows = items
    .filter(({ certification, ownerRef }) => {
      const key = `${certification.entityRef}\n${certification.trackId}`;
      return !unchanged(stored.get(key), certification, ownerRef);
    })
    .map(({ certification, ownerRef }) => ({
      entity_ref: certification.entityRef,
      track_id: certification.trackId,
      owner_ref: ownerRef,
      level_ordinal: certification.highestLevel?.ordinal ?? 0,
      body: JSON.stringify(certification),
      certified_at: now,
    }));
  await upsertRows(db, table, ['entity_ref', 'track_id'], rows);
}

/**
 * Drops certifications of tracks that no longer apply to each entity: one statement per
 * distinct set of applying tracks (a handful), not one per entity.
 */
async function certificationsKeepOnly(
  db: Kysely<ScorecardsTables>,
  applying: Array<{ entityRef: string; trackIds: string[] }>,
): Promise<void> {
  const bySet = new Map<string, { trackIds: string[]; entityRefs: string[] }>();
  for (const { entityRef, trackIds } of applying) {
    const setKey = [...trackIds].sort().join('\n');
    const group = bySet.get(setKey) ?? { trackIds, entityRefs: [] };
    group.entityRefs.push(entityRef);
    bySet.set(setKey, group);
  }
  for (const { trackIds, entityRefs } of bySet.values())
    for (let start = 0; start < entityRefs.length; start += 500) {
      let query = db.deleteFrom(table).where('entity_ref', 'in', entityRefs.slice(start, start + 500));
      if (trackIds.length > 0) query = query.where('track_id', 'not in', trackIds);
      await query.execute();
    }
}

async function certificationsForEntity(
  db: Kysely<ScorecardsTables>,
  entityRef: string,
  trackId?: string,
): Promise<Certification[]> {
  let query = db.selectFrom(table).select('body').where('entity_ref', '=', entityRef);
  if (trackId) query = query.where('track_id', '=', trackId);
  const rows = await query.orderBy('track_id').execute();
  return rows.map((row) => JSON.parse(row.body) as Certification);
}

type LevelCount = { track_id: string; owner_ref: string; level_ordinal: number; count: number | string };

function toCells(rows: LevelCount[]): TrackTeamCell[] {
  const cells = new Map<string, TrackTeamCell>();
  for (const row of rows) {
    const cellKey = `${row.track_id}\n${row.owner_ref}`;
    const cell = cells.get(cellKey) ?? {
      trackId: row.track_id,
      ownerRef: row.owner_ref,
      entityCount: 0,
      levels: {},
    };
    cell.entityCount += Number(row.count);
    const level = String(row.level_ordinal);
    cell.levels[level] = (cell.levels[level] ?? 0) + Number(row.count);
    cells.set(cellKey, cell);
  }
  return [...cells.values()];
}

/**
 * Tracks × owners: entities per level. For everyone who may read every entity, one grouped
 * query over the precomputed rows; for a conditional caller, the rows of readable entities
 * only (so no hidden team shows, and every count is over what the caller may read).
 */
async function certificationsOverview(
  db: Kysely<ScorecardsTables>,
  trackId?: string,
  readable?: Readable,
): Promise<TrackTeamCell[]> {
  let query = db.selectFrom(table);
  if (trackId) query = query.where('track_id', '=', trackId);
  if (readable) {
    const rows = await query.select(['entity_ref', 'track_id', 'owner_ref', 'level_ordinal']).execute();
    return toCells(rows.filter((row) => readable(row.entity_ref)).map((row) => ({ ...row, count: 1 })));
  }
  const rows = await query
    .select(['track_id', 'owner_ref', 'level_ordinal', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['track_id', 'owner_ref', 'level_ordinal'])
    .execute();
  return toCells(rows);
}

/** The overview over a few readable entities (a small conditional scope): their rows by key, 500 at a time. */
async function certificationsOverviewOf(
  db: Kysely<ScorecardsTables>,
  entityRefs: readonly string[],
  trackId?: string,
): Promise<TrackTeamCell[]> {
  const rows: LevelCount[] = [];
  for (let start = 0; start < entityRefs.length; start += 500) {
    let query = db
      .selectFrom(table)
      .select(['track_id', 'owner_ref', 'level_ordinal', (eb) => eb.fn.countAll<number>().as('count')])
      .where('entity_ref', 'in', entityRefs.slice(start, start + 500));
    if (trackId) query = query.where('track_id', '=', trackId);
    rows.push(...(await query.groupBy(['track_id', 'owner_ref', 'level_ordinal']).execute()));
  }
  return toCells(rows);
}

async function certificationsTeamGrid(
  db: Kysely<ScorecardsTables>,
  ownerRefs: string[],
  trackId: string | undefined,
): Promise<TeamGridRow[]> {
  const rows: TeamGridRow[] = [];
  const byEntity = new Map<string, TeamGridRow>();
  for (let start = 0; start < ownerRefs.length; start += 500) {
    let query = db
      .selectFrom(table)
      .select(['entity_ref', 'owner_ref', 'track_id', 'level_ordinal'])
      .where('owner_ref', 'in', ownerRefs.slice(start, start + 500));
    if (trackId) query = query.where('track_id', '=', trackId);
    for (const row of await query.orderBy('entity_ref').execute()) {
      let gridRow = byEntity.get(row.entity_ref);
      if (!gridRow) {
        gridRow = { entityRef: row.entity_ref, ownerRef: row.owner_ref, levels: {}, failedChecks: 0 };
        byEntity.set(row.entity_ref, gridRow);
        rows.push(gridRow);
      }
      gridRow.levels[row.track_id] = Number(row.level_ordinal);
    }
  }
  return rows.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}

const toTrackEntity = (row: { entity_ref: string; level_ordinal: number; certified_at: number }) => ({
  entityRef: row.entity_ref,
  levelOrdinal: Number(row.level_ordinal),
  certificationTimestamp: new Date(Number(row.certified_at)).toISOString(),
});

async function certificationsTrackEntities(
  db: Kysely<ScorecardsTables>,
  trackId: string,
  minLevel: number | undefined,
  limit: number,
  offset: number,
  readable?: Readable,
) {
  let query = db.selectFrom(table).where('track_id', '=', trackId);
  if (minLevel !== undefined) query = query.where('level_ordinal', '>=', minLevel);
  if (readable) {
    const all = await query
      .select(['entity_ref', 'level_ordinal', 'certified_at'])
      .orderBy('entity_ref')
      .execute();
    const rows = all.filter((row) => readable(row.entity_ref));
    return { entities: rows.slice(offset, offset + limit).map(toTrackEntity), totalCount: rows.length };
  }
  const [rows, count] = await Promise.all([
    query
      .select(['entity_ref', 'level_ordinal', 'certified_at'])
      .orderBy('entity_ref')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    entities: rows.map(toTrackEntity),
    totalCount: Number(count.count),
  };
}

/** Precomputed certifications: one row per entity and track, with the owner, for aggregates. */
export function createCertificationStore(db: Kysely<ScorecardsTables>) {
  return {
    write: bindDb(certificationsWrite, db),
    keepOnly: bindDb(certificationsKeepOnly, db),
    forEntity: bindDb(certificationsForEntity, db),
    overview: bindDb(certificationsOverview, db),
    overviewOf: bindDb(certificationsOverviewOf, db),
    teamGrid: bindDb(certificationsTeamGrid, db),
    trackEntities: bindDb(certificationsTrackEntities, db),
  };
}

/** The certification store. */
export type CertificationStore = ReturnType<typeof createCertificationStore>;
