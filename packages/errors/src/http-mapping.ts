const statusByName: Record<string, number> = {
  InputError: 400,
  ValidationError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  PayloadTooLargeError: 413,
  NotModifiedError: 304,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

/** The HTTP status that an error's name maps to; unknown errors are 500. */
export function statusForError(error: unknown): number {
  if (error instanceof Error) return statusByName[error.name] ?? 500;
  return 500;
}

/** The uniform error body every Atrium HTTP API answers with (Backstage's shape). */
export interface ErrorResponseBody {
  error: {
    name: string;
    message: string;
    code?: string;
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
 * Turns an error into the response body. A 500 never carries the original message,
 * since unknown errors can hold internals (SQL, paths, secrets).
 */
export function serializeError(error: unknown, options: SerializeErrorOptions = {}): ErrorResponseBody {
  const statusCode = statusForError(error);
  const known = error instanceof Error && statusCode !== 500;
  const body: ErrorResponseBody = {
    error: known
      ? { name: error.name, message: error.message }
      : { name: 'Error', message: 'Internal server error' },
    response: { statusCode },
  };
  const code = known ? (error as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string') body.error.code = code;
  if (known && error.cause instanceof Error && statusForError(error.cause) !== 500) {
    body.error.cause = { name: error.cause.name, message: error.cause.message };
  }
  if (options.includeStack && error instanceof Error && error.stack) body.error.stack = error.stack;
  if (options.request) body.request = options.request;
  return body;
}
