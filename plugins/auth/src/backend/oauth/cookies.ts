import type {
  AuthProviderReply as FastifyReply,
  AuthProviderRequest as FastifyRequest,
} from '../auth-provider.js';

/** Reads one cookie from the request's Cookie header. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Cookie attributes: HttpOnly and SameSite=Lax always, Secure unless the app is served over plain http. */
export interface CookieOptions {
  path: string;
  secure: boolean;
  maxAgeSeconds: number;
}

/** Adds a Set-Cookie header (several may be set on one reply). */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  const existing = reply.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
  reply.header('set-cookie', [...list, parts.join('; ')]);
}

/** Removes a cookie set with {@link setCookie}. */
export function clearCookie(
  reply: FastifyReply,
  name: string,
  options: Omit<CookieOptions, 'maxAgeSeconds'>,
): void {
  setCookie(reply, name, '', { ...options, maxAgeSeconds: 0 });
}
