import { AtriumError, type ErrorResponseBody } from '@atrium/errors';

function isErrorBody(value: unknown): value is ErrorResponseBody {
  if (typeof value !== 'object' || value === null) return false;
  const inner = (value as { error?: unknown }).error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    typeof (inner as { message?: unknown }).message === 'string' &&
    typeof (inner as { name?: unknown }).name === 'string'
  );
}

/**
 * A failed HTTP response, carrying the server's error body. Its `name` and `message` are
 * the server's (`NotFoundError`, "entity ... not found") so error panels can show them.
 */
export class ResponseError extends AtriumError {
  readonly statusCode: number;
  /** The server's JSON error body, when it sent one. */
  readonly body: ErrorResponseBody | undefined;

  private constructor(statusCode: number, body: ErrorResponseBody | undefined, fallbackMessage: string) {
    super(body?.error.code ?? 'WEB_RESPONSE_ERROR', body?.error.message ?? fallbackMessage, {
      details: { statusCode },
    });
    this.name = body?.error.name ?? 'ResponseError';
    this.statusCode = statusCode;
    this.body = body;
  }

  /**
   * Reads a failed response into an error (never throws; a non-JSON body gives a generic message).
   *
   * @example
   * if (!response.ok) throw await ResponseError.fromResponse(response);
   */
  static async fromResponse(response: Response): Promise<ResponseError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    const fallback = `Request to ${response.url || 'the server'} failed with ${response.status}${statusText}`;
    return new ResponseError(response.status, isErrorBody(body) ? body : undefined, fallback);
  }
}
