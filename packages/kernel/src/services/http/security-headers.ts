import { z } from 'zod';

const directiveValue = z
  .string()
  .regex(/^[^;,\s]+$/, "must be one source without spaces, ';' or ','; list sources as separate items");

/** `backend.csp`, in Backstage's shape: directive -> sources, or false to drop the directive. */
export const cspConfigSchema = z
  .record(
    z.string().regex(/^[a-z][a-z-]*$/, 'must be a CSP directive name such as img-src'),
    z.union([z.array(directiveValue), z.literal(false)]),
  )
  .optional();

/**
 * The default policy for the web app and the API. Scripts come only from our own origin
 * (the app's config is a JSON data block, not an inline script); styles allow inline
 * because MUI's emotion injects <style> elements at runtime.
 */
function defaultDirectives(baseUrl: string): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'", 'data:'],
    // The app calls the backend at backend.baseUrl, which may be another name for this origin.
    'connect-src': ["'self'", new URL(baseUrl).origin],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
}

/** The Content-Security-Policy value: the defaults with `backend.csp` applied over them. */
function buildContentSecurityPolicy(baseUrl: string, overrides: z.output<typeof cspConfigSchema>): string {
  const directives: Record<string, string[] | false> = { ...defaultDirectives(baseUrl), ...overrides };
  return Object.entries(directives)
    .flatMap(([name, sources]) => (sources === false ? [] : [[name, ...new Set(sources)].join(' ')]))
    .join('; ');
}

/**
 * Headers every response carries. Cross-Origin-Opener-Policy is `same-origin-allow-popups`
 * so a sign-in popup keeps its opener; the popup's own routes (redirect to the identity
 * provider and the callback) must send `unsafe-none`, which a route may set itself.
 */
export function buildSecurityHeaders(
  baseUrl: string,
  csp: z.output<typeof cspConfigSchema>,
): Array<[string, string]> {
  return [
    ['content-security-policy', buildContentSecurityPolicy(baseUrl, csp)],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['cross-origin-opener-policy', 'same-origin-allow-popups'],
  ];
}
