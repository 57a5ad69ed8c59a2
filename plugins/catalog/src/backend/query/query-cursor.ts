import { InputError } from '@atrium/errors';
import { z } from 'zod';

const cursorSchema = z.object({
  orderFields: z.array(z.object({ field: z.string(), order: z.enum(['asc', 'desc']) })),
  filter: z.unknown().optional(),
  query: z.unknown().optional(),
  fullTextFilter: z.object({ term: z.string(), fields: z.array(z.string()).optional() }).optional(),
  orderFieldValues: z.array(z.union([z.string(), z.number(), z.null()])).optional(),
  firstSortFieldValues: z.array(z.union([z.string(), z.number(), z.null()])).optional(),
  isPrevious: z.boolean(),
  totalItems: z.number().int().min(0).optional(),
  skipTotalItems: z.boolean().optional(),
});

/**
 * The state a by-query cursor carries: the query (as `filter` for GET, as the original
 * predicate in a top-level `query` key for POST — clients look for that key), the order,
 * the full-text filter, where the page boundary is, and the total computed on the first
 * page.
 */
export type QueryCursor = z.output<typeof cursorSchema>;

/** Encodes a cursor as base64 of its JSON. */
export function encodeCursor(cursor: QueryCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64');
}

/** Decodes a cursor; a malformed one is a 400. */
export function decodeCursor(text: string): QueryCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw new InputError('Malformed cursor, could not be parsed');
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success)
    throw new InputError(`Malformed cursor: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`);
  return parsed.data;
}
