import { AuthenticationError, NotAllowedError } from '@atrium/errors';
import type { Authenticator } from './authenticator.js';
import { type Credentials, createCredentials, type PrincipalTypes } from './credentials.js';

/** The parts of an HTTP request the auth layer reads. */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** Reads who is calling from an HTTP request. */
export interface HttpAuthService {
  credentials<T extends keyof PrincipalTypes = 'user' | 'service' | 'none'>(
    request: AuthRequest,
    options?: { allow?: readonly T[] },
  ): Promise<Credentials<PrincipalTypes[T]>>;
}

/** The bearer token of a request, if any. */
export function bearerToken(request: AuthRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  // On every request: a slice and a compare instead of a regex over a ~500-character JWT.
  if (!value || value.length < 8 || value.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = value.slice(7).trim();
  return token || undefined;
}

/** Creates the request credential reader of one plugin. */
export function createHttpAuthService(authenticator: Authenticator, pluginId: string): HttpAuthService {
  return {
    async credentials(request, options) {
      const allow: readonly string[] = options?.allow ?? ['user', 'service', 'none'];
      const token = bearerToken(request);
      const credentials = token
        ? await authenticator.authenticate(token, pluginId)
        : createCredentials({ type: 'none' });
      if (!allow.includes(credentials.principal.type)) {
        if (credentials.principal.type === 'none')
          throw new AuthenticationError(
            'this endpoint needs a credential: send Authorization: Bearer <token>',
          );
        throw new NotAllowedError(
          `this endpoint does not accept ${credentials.principal.type} credentials; it accepts ${allow.join(', ')}`,
        );
      }
      return credentials as never;
    },
  };
}
