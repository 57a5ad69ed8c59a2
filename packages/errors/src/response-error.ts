import { AtriumError, httpStatusKey } from './atrium-error.js';
import { commonErrorCodes } from './common-error-codes.js';
import type { ErrorResponseBody } from './http-mapping.js';

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

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    // A non-JSON error page (from a proxy, say): the caller falls back to the text.
    return undefined;
  }
}

/**
 * An error answer from an Atrium (or Backstage) HTTP API, as every client throws it. Its
 * `name`, `message` and `code` are the server's (`NotFoundError`, "entity ... not found")
 * so error panels can show them; `statusCode` and `body` keep the rest.
 */
export class ResponseError extends AtriumError {
  readonly statusCode: number;
  /** The server's error body (Backstage's shape), when it sent one. */
  readonly body: ErrorResponseBody | undefined;

  private constructor(statusCode: number, body: ErrorResponseBody | undefined, fallbackMessage: string) {
    super(body?.error.code ?? commonErrorCodes.RESPONSE_ERROR, body?.error.message ?? fallbackMessage, {
      details: { statusCode },
    });
    this.name = body?.error.name ?? 'ResponseError';
    this.statusCode = statusCode;
    this.body = body;
  }

  /**
   * Reads a failed response into an error (never throws; a body that is not the error
   * JSON gives a message with the status and the start of the text).
   *
   * @example
   * if (!response.ok) throw await ResponseError.fromResponse(response);
   */
  static async fromResponse(response: Response): Promise<ResponseError> {
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    const snippet = text && body === undefined ? `: ${text.slice(0, 200)}` : '';
    const fallback = `Request to ${response.url || 'the server'} failed with ${response.status}${statusText}${snippet}`;
    return new ResponseError(response.status, isErrorBody(body) ? body : undefined, fallback);
  }
}
// A failed call to another service is this server's failure, whatever that service
// answered: it must not pass the other status (or its message) through to our caller.
Object.defineProperty(ResponseError.prototype, httpStatusKey, { value: 500 });
