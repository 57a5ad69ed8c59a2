/** What an error panel shows: a name, a message and the HTTP status when there was one. */
export interface ErrorDescription {
  name: string;
  message: string;
  statusCode?: number;
}

interface ErrorBodyLike {
  error?: { name?: unknown; message?: unknown };
  response?: { statusCode?: unknown };
}

function fromBody(body: ErrorBodyLike): ErrorDescription | undefined {
  const inner = body.error;
  if (!inner || typeof inner.message !== 'string') return undefined;
  const description: ErrorDescription = {
    name: typeof inner.name === 'string' ? inner.name : 'Error',
    message: inner.message,
  };
  if (typeof body.response?.statusCode === 'number') description.statusCode = body.response.statusCode;
  return description;
}

/**
 * Reads a displayable name and message out of anything thrown: an `Error`, an error
 * carrying the server's JSON body (`{ error: { name, message } }`), the body itself, or a
 * string.
 *
 * @example
 * describeError({ error: { name: 'NotFoundError', message: 'No such entity' } }).message;
 */
export function describeError(error: unknown): ErrorDescription {
  if (typeof error === 'string') return { name: 'Error', message: error };
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: 'Something went wrong' };
  const withBody = error as { body?: unknown; statusCode?: unknown };
  const described =
    (typeof withBody.body === 'object' && withBody.body !== null
      ? fromBody(withBody.body as ErrorBodyLike)
      : undefined) ?? fromBody(error as ErrorBodyLike);
  if (described) {
    if (described.statusCode === undefined && typeof withBody.statusCode === 'number') {
      described.statusCode = withBody.statusCode;
    }
    return described;
  }
  if (error instanceof Error) {
    const description: ErrorDescription = { name: error.name, message: error.message };
    if (typeof withBody.statusCode === 'number') description.statusCode = withBody.statusCode;
    return description;
  }
  return { name: 'Error', message: 'Something went wrong' };
}
