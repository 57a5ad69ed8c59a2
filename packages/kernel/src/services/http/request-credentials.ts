import { AuthenticationError, NotAllowedError } from '@atrium/errors';
import type { RouteAccess } from '@atrium/http-api';
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticator.js';
import { type Credentials, createCredentials } from '../auth/credentials.js';
import { bearerToken } from '../auth/http-auth-service.js';

const byRequest = new WeakMap<FastifyRequest, Credentials>();
const none = createCredentials({ type: 'none' });

/** The credentials the kernel established for a request (raw Fastify routes use this). */
export function getRequestCredentials(request: FastifyRequest): Credentials {
  return byRequest.get(request) ?? none;
}

/**
 * Establishes who is calling a plugin route and enforces the route's access rule.
 * Deny by default: only `public` routes accept a request without a credential.
 */
export async function authenticateRequest(
  request: FastifyRequest,
  access: RouteAccess,
  pluginId: string,
  authenticator: Authenticator,
): Promise<Credentials> {
  const token = bearerToken(request);
  let credentials: Credentials = none;
  if (token) {
    try {
      credentials = await authenticator.authenticate(token);
    } catch (error) {
      // A stale token must not lock a browser out of public pages such as sign-in.
      if (access !== 'public') throw error;
    }
  }
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
  if (
    principal.type === 'service' &&
    principal.allowedPlugins &&
    !principal.allowedPlugins.includes(pluginId)
  ) {
    throw new NotAllowedError(
      `external access '${principal.subject}' is restricted to plugins ${principal.allowedPlugins.map((p) => `'${p}'`).join(', ')}`,
    );
  }
  byRequest.set(request, credentials);
  return credentials;
}
