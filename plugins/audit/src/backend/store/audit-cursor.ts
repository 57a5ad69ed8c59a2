import { InputError } from '@atrium/errors';

/** Where a page ends: the last event's time and id (pages are newest first). */
export interface AuditCursor {
  timeMs: number;
  id: string;
}

/** Encodes the position after `last` as an opaque cursor. */
export function encodeAuditCursor(last: AuditCursor): string {
  return Buffer.from(JSON.stringify([last.timeMs, last.id])).toString('base64url');
}

/** Decodes a cursor from `encodeAuditCursor`; anything else is the caller's input error. */
export function decodeAuditCursor(cursor: string): AuditCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string'
    )
      return { timeMs: parsed[0] as number, id: parsed[1] };
  } catch {
    // Reported below.
  }
  throw new InputError("cursor is malformed: pass the 'nextCursor' of a previous page unchanged");
}
