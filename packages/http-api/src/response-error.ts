/**
 * An error answer from an Atrium (or Backstage) API, carrying the server's error name
 * and message from the uniform error body.
 */
export class ResponseError extends Error {
  readonly statusCode: number;
  readonly body: unknown;

  constructor(message: string, statusCode: number, name: string, body: unknown) {
    super(message);
    this.name = name;
    this.statusCode = statusCode;
    this.body = body;
  }

  /** Reads the error body of a failed response. */
  static async fromResponse(response: Response): Promise<ResponseError> {
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // A non-JSON error page (a proxy, say): keep the text as the message.
    }
    const error = (body as { error?: { name?: unknown; message?: unknown } } | undefined)?.error;
    const name = typeof error?.name === 'string' ? error.name : 'ResponseError';
    const message =
      typeof error?.message === 'string'
        ? error.message
        : `Request failed with ${response.status} ${response.statusText}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`;
    return new ResponseError(message, response.status, name, body);
  }
}
