import { InputError } from '@atrium/errors';
import { sql } from '@atrium/kernel';
import { chunked, listOf } from '../database/sql-client.js';
import type { SqlReader } from '../database/sql-reader.js';
import type { StoredJson } from '../database/stored-json.js';
import { NULL_VALUE } from '../stitching/build-search-rows.js';
import type { EntityFilter } from './entity-filter.js';
import { filterCondition, TRUE_CONDITION } from './filter-sql.js';
import { paramList, type QueryParam } from './parse-filter-params.js';

/** One `order` directive of `GET /entities`. */
export interface ListOrder {
  key: string;
  descending: boolean;
}

/** Parses `order=asc:<field>` / `desc:<field>` (repeatable). */
export function parseOrderParams(param: QueryParam): ListOrder[] {
  return paramList(param).map((item) => {
    const match = /^(asc|desc):(.+)$/.exec(item.trim());
    if (!match)
      throw new InputError(`Invalid order parameter '${item}', expected 'asc:<field>' or 'desc:<field>'`);
    return { key: (match[2] as string).toLowerCase(), descending: match[1] === 'desc' };
  });
}

const isCount = (value: unknown, min: number) =>
  value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= min);

/** Parses the `after` cursor of `GET /entities`: base64 JSON of `{ limit, offset }`. */
export function parseAfterCursor(after: string): { limit?: number; offset?: number } {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(after, 'base64').toString('utf8'));
  } catch {
    throw new InputError('Malformed after cursor, could not be parsed');
  }
  if (typeof cursor !== 'object' || cursor === null || Array.isArray(cursor))
    throw new InputError('Malformed after cursor, expected an object with limit and offset');
  const { limit, offset } = cursor as { limit?: unknown; offset?: unknown };
  if (!isCount(limit, 1)) throw new InputError('Malformed after cursor, limit was not a positive integer');
  if (!isCount(offset, 0))
    throw new InputError('Malformed after cursor, offset was not a non-negative integer');
  return { limit: limit as number | undefined, offset: offset as number | undefined };
}

/** Encodes the `after` cursor of the next page. */
export function encodeAfterCursor(limit: number, offset: number): string {
  return Buffer.from(JSON.stringify({ limit, offset }), 'utf8').toString('base64');
}

async function sortValues(reader: SqlReader, key: string): Promise<Map<number, string>> {
  const rows = await reader.all(
    sql<{
      id: number;
      value: string;
    }>`SELECT entity_id AS id, value FROM search WHERE key = ${key} AND value <> ${NULL_VALUE}`,
  );
  const values = new Map<number, string>();
  for (const row of rows) {
    const id = Number(row.id);
    const seen = values.get(id);
    if (seen === undefined || row.value < seen) values.set(id, row.value);
  }
  return values;
}

/**
 * The ids of the entities `GET /entities` returns, in order: by entity ref, or by the
 * `order` directives (entities lacking a field last, ties by entity id). Only ids are
 * sorted in memory; the JSON is read page by page afterwards.
 */
export async function listEntityIds(
  reader: SqlReader,
  filter: EntityFilter | undefined,
  order: ListOrder[],
  kinds: readonly string[],
): Promise<number[]> {
  const where = filter ? filterCondition(filter, { id: 'f.entity_id', mode: 'set', kinds }) : TRUE_CONDITION;
  const rows = await reader.all(
    sql<{ id: number }>`SELECT f.entity_id AS id FROM final_entities f WHERE ${where} ORDER BY f.entity_ref`,
  );
  const ids = rows.map((row) => Number(row.id));
  if (order.length === 0) return ids;
  const values = await Promise.all(order.map((directive) => sortValues(reader, directive.key)));
  return ids.sort((a, b) => {
    for (const [index, directive] of order.entries()) {
      const map = values[index] as Map<number, string>;
      const x = map.get(a);
      const y = map.get(b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * (directive.descending ? -1 : 1);
    }
    return a - b;
  });
}

/** Reads served entities by id, in the given order (ids that vanished meanwhile are skipped). */
export async function* readEntitiesInOrder(
  reader: SqlReader,
  ids: readonly number[],
  chunkSize = 500,
): AsyncGenerator<StoredJson[]> {
  for (const chunk of chunked(ids, chunkSize)) {
    const rows = await reader.all(
      sql<{
        id: number;
        json: StoredJson;
      }>`SELECT entity_id AS id, final_entity AS json FROM final_entities WHERE entity_id IN (${listOf(reader.dialect, chunk)})`,
    );
    const byId = new Map(rows.map((row) => [Number(row.id), row.json]));
    yield chunk.map((id) => byId.get(id)).filter((json): json is StoredJson => json !== undefined);
  }
}
