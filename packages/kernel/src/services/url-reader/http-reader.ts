import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
  PayloadTooLargeError,
  ServiceUnavailableError,
} from '@atrium/errors';
import type { ReadUrlOptions, ReadUrlResponse } from './url-reader-service.js';

/** One `backend.reading.allow` entry. */
export interface AllowEntry {
  host: string;
  paths?: string[];
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

/** True when the URL's host (and path, if restricted) is on the allow-list. */
function isAllowedUrl(url: URL, allow: readonly AllowEntry[]): boolean {
  return allow.some(
    (entry) =>
      hostMatches(entry.host, url.host) &&
      (!entry.paths || entry.paths.some((p) => url.pathname.startsWith(p))),
  );
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new PayloadTooLargeError(
      `'${url}' is ${declared} bytes, over the limit of ${maxBytes} (backend.reading.maxBytes)`,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(
        `'${url}' is over the limit of ${maxBytes} bytes (backend.reading.maxBytes)`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request headers of one hop: the caller's authorization only on the origin it was given for. */
function headersFor(url: URL, origin: string, options: ReadUrlOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.authorization && url.origin === origin) headers.authorization = options.authorization;
  return headers;
}

/** Refuses a URL whose host (and path) is not on `backend.reading.allow`. */
export function assertAllowedUrl(url: URL, allow: readonly AllowEntry[]): void {
  if (!isAllowedUrl(url, allow))
    throw new NotAllowedError(
      `reading '${url.href}' is not allowed: host '${url.host}' is not in backend.reading.allow`,
      { details: { rule: 'host-not-allowed', host: url.host } },
    );
}

/**
 * Reads http(s) URLs on the allow-list, with a size and time limit. Redirects are
 * followed by hand so each hop is checked against the allow-list too.
 */
export function createHttpReader(allow: readonly AllowEntry[], maxBytes: number, timeoutMs: number) {
  return {
    async readUrl(url: string, options: ReadUrlOptions = {}): Promise<ReadUrlResponse> {
      let current = new URL(url);
      const origin = current.origin;
      const signal = options.signal
        ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs);
      for (let hop = 0; hop < 5; hop++) {
        assertAllowedUrl(current, allow);
        let response: Response;
        try {
          response = await fetch(current, {
            redirect: 'manual',
            signal,
            headers: headersFor(current, origin, options),
          });
        } catch (error) {
          const reason =
            (error as Error).name === 'TimeoutError'
              ? `timed out after ${timeoutMs} ms`
              : (error as Error).message;
          throw new ServiceUnavailableError(`could not read '${current.href}': ${reason}`, { cause: error });
        }
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
          current = new URL(location, current);
          continue;
        }
        if (response.status === 304) throw new NotModifiedError(`'${url}' has not changed`);
        if (response.status === 404) throw new NotFoundError(`'${current.href}' was not found (404)`);
        if (!response.ok)
          throw new ServiceUnavailableError(
            `could not read '${current.href}': ${response.status} ${response.statusText}`,
          );
        const body = await readBody(response, current.href, options.maxBytes ?? maxBytes);
        const lastModified = response.headers.get('last-modified');
        return {
          buffer: async () => body,
          etag: response.headers.get('etag') ?? undefined,
          lastModifiedAt: lastModified ? new Date(lastModified) : undefined,
        };
      }
      throw new InputError(`'${url}' redirected more than 5 times`);
    },
  };
}
