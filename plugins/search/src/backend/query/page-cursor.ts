import { InputError } from '@atrium/errors';

/** Backstage's cursor: the page number, base64-encoded. */
export function encodePageCursor(page: number): string {
  return Buffer.from(String(page), 'utf8').toString('base64');
}

/** The page a cursor names (0 without one); anything else is a 400 naming `pageCursor`. */
export function decodePageCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!/^\d{1,6}$/.test(text))
    throw new InputError(`query 'pageCursor' is not a cursor this search returned`);
  return Number(text);
}
