/** One HTTP answer, read whole. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** Options of one call. */
export interface CallOptions {
  token?: string;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls a backend the way an outside client does: plain HTTP, a bearer token at most. */
export interface HttpCaller {
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
}

// A server-sent event stream may never end: it is read up to its first complete message.
async function readBody(response: Response): Promise<string> {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream') || !response.body) {
    return response.text();
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** Creates a caller for `origin` (`http://127.0.0.1:<port>`). */
export function createHttpCaller(origin: string): HttpCaller {
  return {
    async call(method, path, options = {}) {
      const headers = new Headers(options.headers);
      if (options.token) headers.set('authorization', `Bearer ${options.token}`);
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      }
      const response = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual' });
      const text = await readBody(response);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: Object.fromEntries(response.headers), text, json };
    },
  };
}

/** Polls `check` until it returns a value other than undefined; fails after `timeoutMs`, naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
