import { AtriumError, ResponseError } from '@atrium/errors';
import { webKernelErrorCodes } from '../web-kernel-error-codes.js';
import { parseRefreshResponse, type SignInSession } from './sign-in-session.js';

/** A sign-in method the auth backend offers (`GET /api/auth/providers`). */
export interface SignInProvider {
  id: string;
  title: string;
  /** `redirect` for providers that sign in at an identity provider (OIDC, GitHub); direct otherwise. */
  flow?: 'direct' | 'redirect';
}

/** The URL of a path under the auth backend's base URL. */
export type AuthUrl = (path: string) => Promise<string>;

/** Signs in, or refreshes: showing the current token lets the backend continue its session. */
export async function requestSession(
  authUrl: AuthUrl,
  providerId: string,
  currentToken: string | undefined,
  now: () => number,
): Promise<SignInSession> {
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' };
  if (currentToken) headers.Authorization = `Bearer ${currentToken}`;
  const response = await fetch(await authUrl(`${encodeURIComponent(providerId)}/refresh`), {
    headers,
    credentials: 'include',
  });
  if (!response.ok) throw await ResponseError.fromResponse(response);
  return parseRefreshResponse(providerId, await response.json(), now());
}

/** The sign-in methods the auth backend offers; entries without an id and a title are dropped. */
export async function requestProviders(authUrl: AuthUrl): Promise<SignInProvider[]> {
  const response = await fetch(await authUrl('providers'), { credentials: 'include' });
  if (!response.ok) throw await ResponseError.fromResponse(response);
  const body = (await response.json()) as { providers?: unknown };
  if (!Array.isArray(body.providers)) {
    throw new AtriumError(
      webKernelErrorCodes.WEB_AUTH_INVALID_RESPONSE,
      'GET /api/auth/providers answered without a providers list; expected { "providers": [{ "id", "title" }] }.',
    );
  }
  return body.providers.filter(
    (p): p is SignInProvider => typeof p?.id === 'string' && typeof p?.title === 'string',
  );
}

/**
 * Asks the backend to revoke the session of this token, so a copy of the token stops
 * working too. Never throws: the local session is gone either way, and the token still
 * expires by itself.
 */
export async function requestSignOut(authUrl: AuthUrl, session: SignInSession): Promise<void> {
  try {
    await fetch(await authUrl(`${encodeURIComponent(session.providerId)}/logout`), {
      method: 'POST',
      headers: { 'X-Requested-With': 'XMLHttpRequest', Authorization: `Bearer ${session.token}` },
      credentials: 'include',
    });
  } catch (error) {
    console.warn(`Atrium: signing out of '${session.providerId}' on the server failed`, error);
  }
}
