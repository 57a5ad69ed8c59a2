/** A served entity's JSON text, as stored in `final_entities.final_entity`. */
export type StoredJson = string;

/**
 * Joins pre-serialized JSON parts (stored entities and literal text) into one response body.
 *
 * @example
 * joinJson('{"items":[', items, ']}');
 */
export function joinJson(head: string, items: readonly StoredJson[], tail: string): string {
  return `${head}${items.join(',')}${tail}`;
}
