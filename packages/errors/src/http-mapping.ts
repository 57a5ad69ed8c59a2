import { httpStatusKey, isAtriumError } from './atrium-error.js';
import type { CommonErrorCode } from './common-error-codes.js';

/** The status of each common code: what an `AtriumError` with only that code answers. */
export const statusByCode = {
  INPUT_INVALID: 400,
  AUTHENTICATION_FAILED: 401,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  NOT_MODIFIED: 304,
  NOT_IMPLEMENTED: 501,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Partial<Record<CommonErrorCode, number>>;

/**
 * The HTTP status of an error: by its class (the domain errors, also from another copy of
 * this package), else by its code; never by its name, which any library may reuse. Anything
 * that is not an `AtriumError`, and any code without a status, is a 500.
 */
export function statusForError(error: unknown): number {
  if (!isAtriumError(error)) return 500;
  const byClass = (error as { [httpStatusKey]?: unknown })[httpStatusKey];
  if (typeof byClass === 'number') return byClass;
  return Object.hasOwn(statusByCode, error.code)
    ? statusByCode[error.code as keyof typeof statusByCode]
    : 500;
}

/** The uniform error body every Atrium HTTP API answers with (Backstage's shape). */
export interface ErrorResponseBody {
  error: {
    name: string;
    message: string;
    code?: string;
    /** The error's structured facts (`AtriumError.details`), for clients that act on them. */
    details?: Record<string, unknown>;
    stack?: string;
    cause?: { name: string; message: string };
  };
  request?: { method: string; url: string };
  response: { statusCode: number };
}

/** Options for {@link serializeError}. */
export interface SerializeErrorOptions {
  request?: { method: string; url: string };
  /** Include the stack trace (development only). */
  includeStack?: boolean;
}

/**
 * Turns an error into the response body. A 500 never carries the original message or
 * details, since unknown errors can hold internals (SQL, paths, secrets).
 */
export function serializeError(error: unknown, options: SerializeErrorOptions = {}): ErrorResponseBody {
  const statusCode = statusForError(error);
  const known = isAtriumError(error) && statusCode !== 500;
  const body: ErrorResponseBody = {
    error: known
      ? { name: error.name, message: error.message }
      : { name: 'Error', message: 'Internal server error' },
    response: { statusCode },
  };
  if (known) body.error.code = error.code;
  // Details name the rule and setting involved (documented as safe to show), so a UI can
  // say what to change without parsing the message.
  if (known && error.details && Object.keys(error.details).length > 0) body.error.details = error.details;
  if (known && error.cause instanceof Error && statusForError(error.cause) !== 500) {
    body.error.cause = { name: error.cause.name, message: error.cause.message };
  }
  if (options.includeStack && error instanceof Error && error.stack) body.error.stack = error.stack;
  if (options.request) body.request = options.request;
  return body;
}
