/**
 * A served entity as the database returns it: text. Catalogs written before migration
 * 0002 stored UTF-8 bytes on SQLite, so bytes are still understood.
 */
export type StoredJson = string | Uint8Array;

/** The text of a stored entity. */
export function jsonText(value: StoredJson): string {
  return typeof value === 'string'
    ? value
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
}

const COMMA = Buffer.from(',');

/**
 * Joins pre-serialized JSON parts (stored entities and literal text) into one response
 * body: a Buffer when any part is bytes, otherwise a string.
 *
 * @example
 * joinJson(['{"items":[', ...items, ']}'], ...); // Buffer
 */
export function joinJson(head: string, items: readonly StoredJson[], tail: string): string | Buffer {
  if (items.every((item) => typeof item === 'string')) return `${head}${items.join(',')}${tail}`;
  const parts: Uint8Array[] = [Buffer.from(head)];
  items.forEach((item, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(typeof item === 'string' ? Buffer.from(item) : item);
  });
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}
