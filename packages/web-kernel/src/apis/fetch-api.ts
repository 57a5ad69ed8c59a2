import { defineApiRef } from './api-ref.js';
import type { IdentityApi } from './identity-api.js';

/** `fetch` for calling Atrium's backend: adds the user's token and handles an expired session. */
export interface FetchApi {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

/** Ref of the fetch API. */
export const fetchApiRef = defineApiRef<FetchApi>({ id: 'core.fetch' });

/** Options of {@link createFetchApi}. */
export interface CreateFetchApiOptions {
  identityApi: IdentityApi;
  /** Origins that may receive the token: the backend's; the page's own is always included. */
  trustedOrigins: readonly string[];
}

function requestUrl(input: string | URL | Request): URL | undefined {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(raw, globalThis.location?.href);
  } catch {
    return undefined;
  }
}

/**
 * Creates the fetch API. The token goes only to trusted origins, never to third parties;
 * a 401 from the backend ends the session, which returns the user to the sign-in page.
 *
 * @example
 * const response = await fetchApi.fetch(`${await discoveryApi.getBaseUrl('catalog')}/entities`);
 */
export function createFetchApi(options: CreateFetchApiOptions): FetchApi {
  const trusted = new Set(options.trustedOrigins);
  if (globalThis.location?.origin) trusted.add(globalThis.location.origin);
  return {
    async fetch(input, init) {
      const url = requestUrl(input);
      const isTrusted = url !== undefined && trusted.has(url.origin);
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      let sentToken = false;
      if (isTrusted && !headers.has('Authorization')) {
        const { token } = await options.identityApi.getCredentials();
        if (token) {
          headers.set('Authorization', `Bearer ${token}`);
          sentToken = true;
        }
      }
      const response = await globalThis.fetch(input, { ...init, headers });
      if (response.status === 401 && sentToken) options.identityApi.handleUnauthorized();
      return response;
    },
  };
}
