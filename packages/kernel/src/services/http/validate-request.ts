import { InputError } from '@atrium/errors';
import type { z } from 'zod';

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Parses one part of a request with its schema; a failure is a 400 naming the field and the rule. */
export function validateRequestPart<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  part: 'params' | 'query' | 'body',
): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length > 0 ? `${describePath(issue.path)}: ${issue.message}` : issue.message,
    );
  const label =
    part === 'query' ? 'query parameters' : part === 'params' ? 'path parameters' : 'request body';
  throw new InputError(`Invalid ${label}: ${problems.join('; ')}`);
}
