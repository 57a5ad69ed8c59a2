import { defineHttpApi } from '@atrium/http-api';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';

const api = defineHttpApi({
  routes: {
    hello: { method: 'GET', path: '/hello', access: 'public' },
    fail: { method: 'GET', path: '/fail', access: 'public' },
    popup: { method: 'GET', path: '/popup', access: 'public' },
  },
});
const plugin = definePlugin({
  id: 'hello',
  deps: { http: coreServices.httpRouter },
  apis: [api],
  init({ deps }) {
    deps.http.implement(api, {
      hello: () => ({ hello: 'world' }),
      fail: () => {
        throw new Error('boom');
      },
      // A future sign-in popup callback must keep its opener: it sets COOP itself.
      popup: ({ reply }) => {
        reply.header('cross-origin-opener-policy', 'unsafe-none');
        return { ok: true };
      },
    });
  },
});

const expected = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin-allow-popups',
};

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({ features: [plugin] });
});
afterAll(() => backend.stop());

function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it.each([
    ['an API route', '/api/hello/hello', 200],
    ['an unknown route', '/nothing/here', 404],
    ['a route that fails', '/api/hello/fail', 500],
    ['a refused request', '/metrics', 401],
    ['a health probe', '/.well-known/health/live', 200],
  ])('are on %s', async (_, path, status) => {
    const response = await backend.fetch(path);
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name)).toBe(value);
    expect(directives(response.headers.get('content-security-policy'))).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: https:",
      'font-src': "'self' data:",
      'connect-src': "'self' http://localhost:7007",
      'object-src': "'none'",
      'base-uri': "'self'",
      'frame-ancestors': "'none'",
      'form-action': "'self'",
    });
  });

  it('keeps a header a route set itself', async () => {
    const response = await backend.fetch('/api/hello/popup');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('takes backend.csp in Backstage shape: a list replaces a directive, false drops it', async () => {
    const custom = await startTestBackend({
      features: [],
      config: {
        backend: {
          csp: {
            'img-src': ["'self'", 'https://images.example.com'],
            'form-action': false,
            'worker-src': ["'self'"],
          },
        },
      },
    });
    try {
      const csp = directives((await custom.fetch('/nothing')).headers.get('content-security-policy'));
      expect(csp['img-src']).toBe("'self' https://images.example.com");
      expect(csp['worker-src']).toBe("'self'");
      expect(csp).not.toHaveProperty('form-action');
      expect(csp['script-src']).toBe("'self'");
    } finally {
      await custom.stop();
    }
  });

  it('refuses a CSP value that would break the header', async () => {
    await expect(
      startTestBackend({
        features: [],
        config: { backend: { csp: { 'img-src': ["'self'; script-src *"] } } },
      }),
    ).rejects.toThrow(/backend\.csp/);
  });
});
