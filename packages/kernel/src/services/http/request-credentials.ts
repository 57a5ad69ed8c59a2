import { AuthenticationError, NotAllowedError } from '@atrium/errors';
import type { RouteAccess } from '@atrium/http-api';
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticator.js';
import { type Credentials, createCredentials } from '../auth/credentials.js';
import { bearerToken } from '../auth/http-auth-service.js';

const none = createCredentials({ type: 'none' });

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the kernel's auth hook (declared with decorateRequest). */
    atriumCredentials: Credentials | null;
  }
}

/** The credentials the kernel established for a request (raw Fastify routes use this). */
export function getRequestCredentials(request: FastifyRequest): Credentials {
  return request.atriumCredentials ?? none;
}

function enforce(
  request: FastifyRequest,
  credentials: Credentials,
  access: RouteAccess,
  pluginId: string,
): Credentials {
  const principal = credentials.principal;
  if (access !== 'public') {
    if (principal.type === 'none') {
      throw new AuthenticationError(
        `${request.method} ${request.url.split('?')[0]} needs a credential: send Authorization: Bearer <token>`,
      );
    }
    if (access === 'user' && principal.type !== 'user') {
      throw new NotAllowedError(`this route of plugin '${pluginId}' accepts user credentials only`);
    }
    if (access === 'service' && principal.type !== 'service') {
      throw new NotAllowedError(`this route of plugin '${pluginId}' accepts service credentials only`);
    }
  }
  request.atriumCredentials = credentials;
  return credentials;
}

/**
 * Establishes who is calling a plugin route and enforces the route's access rule.
 * Deny by default: only `public` routes accept a request without a credential. A token
 * verified before is answered synchronously (no promise on the hot path). The token
 * must be valid for this plugin: a plugin token for another plugin, or an external
 * token restricted to other plugins, is refused.
 */
export function authenticateRequest(
  request: FastifyRequest,
  access: RouteAccess,
  pluginId: string,
  authenticator: Authenticator,
): Credentials | Promise<Credentials> {
  const token = bearerToken(request);
  if (!token) return enforce(request, none, access, pluginId);
  let cached: Credentials | undefined;
  try {
    cached = authenticator.peek(token, pluginId);
  } catch (error) {
    return refused(error, request, access, pluginId);
  }
  if (cached) return enforce(request, cached, access, pluginId);
  return authenticator.authenticate(token, pluginId).then(
    (credentials) => enforce(request, credentials, access, pluginId),
    (error: unknown) => refused(error, request, access, pluginId),
  );
}

/** A stale token must not lock a browser out of public pages such as sign-in. */
function refused(
  error: unknown,
  request: FastifyRequest,
  access: RouteAccess,
  pluginId: string,
): Credentials {
  if (access === 'public') return enforce(request, none, access, pluginId);
  throw error;
}
