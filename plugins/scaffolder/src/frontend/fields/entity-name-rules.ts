import { isValidEntityName } from '@atrium/catalog-model';

/** What the catalog accepts as `metadata.name`, said the way a form should say it. */
export const entityNameRule =
  'Use 1-63 letters, digits, "-", "_" or "."; start and end with a letter or digit.';

/**
 * Checks an entity name by the catalog's rules; returns messages, empty when valid.
 *
 * @example
 * validateEntityName('my service'); // ['"my service" is not a valid entity name. Use 1-63 letters, ...']
 */
export function validateEntityName(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  if (isValidEntityName(value)) return [];
  return [`"${String(value)}" is not a valid entity name. ${entityNameRule}`];
}
