import { AtriumError } from '@atrium/errors';
import { defineHttpApi } from '@atrium/http-api';
import { createCaptureLogger, startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';

const notesApi = defineHttpApi({
  routes: {
    listNotes: {
      method: 'GET',
      path: '/notes',
      query: z.object({ limit: z.coerce.number().int().positive().default(10) }),
    },
    addNote: {
      method: 'POST',
      path: '/notes',
      body: z.object({ text: z.string().min(1) }),
      successStatus: 201,
    },
    whoami: { method: 'GET', path: '/whoami' },
    status: { method: 'GET', path: '/status', access: 'public' },
    usersOnly: { method: 'GET', path: '/users-only', access: 'user' },
    fail: { method: 'GET', path: '/fail' },
    failForeign: { method: 'GET', path: '/fail-foreign' },
    missingNote: { method: 'GET', path: '/missing-note' },
    big: { method: 'POST', path: '/big', body: z.object({ data: z.string() }), bodyLimit: 1024 },
  },
});

const notes: string[] = [];
const notesPlugin = definePlugin({
  id: 'notes',
  deps: { http: coreServices.httpRouter },
  apis: [notesApi],
  init({ deps }) {
    deps.http.implement(notesApi, {
      listNotes: ({ query }) => notes.slice(0, query.limit),
      addNote: ({ body }) => {
        notes.push(body.text);
        return { count: notes.length };
      },
      whoami: ({ credentials }) => credentials.principal,
      status: ({ credentials }) => ({ ok: true, caller: credentials.principal.type }),
      usersOnly: () => ({ ok: true }),
      fail: () => {
        throw new Error('secret database password in message');
      },
      failForeign: () => {
        // What a library's own NotFoundError looks like: the same name, another class.
        throw Object.assign(new Error('row 7 of table secrets'), { name: 'NotFoundError' });
      },
      missingNote: () => {
        throw new AtriumError('NOT_FOUND', "note '7' does not exist");
      },
      big: ({ body }) => ({ length: body.data.length }),
    });
  },
});

const otherPlugin = definePlugin({
  id: 'other',
  deps: { http: coreServices.httpRouter },
  init({ deps }) {
    deps.http.useFastify((app) => {
      app.get('/ping', async () => ({ pong: true }));
    });
  },
});

let backend: TestBackend;
const logger = createCaptureLogger();
let userToken: string;

beforeAll(async () => {
  backend = await startTestBackend({
    features: [notesPlugin, otherPlugin],
    logger,
    config: {
      backend: {
        auth: {
          externalAccess: [
            { type: 'static', options: { token: 'ci-token-123', subject: 'ci' } },
            {
              type: 'static',
              options: { token: 'notes-only-token', subject: 'limited' },
              accessRestrictions: [{ plugin: 'notes' }],
            },
          ],
        },
      },
    },
  });
  userToken = await backend.userToken('user:default/ada', ['user:default/ada', 'group:default/team']);
});
afterAll(() => backend.stop());

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('authentication', () => {
  it('rejects a protected route without a credential, with the uniform error body', async () => {
    const { status, body } = await json(await backend.fetch('/api/notes/notes'));
    expect(status).toBe(401);
    expect(body).toEqual({
      error: {
        name: 'AuthenticationError',
        message: 'GET /api/notes/notes needs a credential: send Authorization: Bearer <token>',
        code: 'AUTHENTICATION_FAILED',
      },
      request: { method: 'GET', url: '/notes' },
      response: { statusCode: 401 },
    });
  });

  it('rejects a forged or malformed token', async () => {
    expect((await backend.fetch('/api/notes/notes', { token: 'not-a-token' })).status).toBe(401);
    const [header, payload] = userToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    expect((await backend.fetch('/api/notes/notes', { token: forged })).status).toBe(401);
  });

  it('serves public routes to anyone and protected routes to users, services and external callers', async () => {
    expect(await json(await backend.fetch('/api/notes/status'))).toEqual({
      status: 200,
      body: { ok: true, caller: 'none' },
    });
    expect((await json(await backend.fetch('/api/notes/whoami', { token: userToken }))).body).toEqual({
      type: 'user',
      userEntityRef: 'user:default/ada',
      ownershipEntityRefs: ['user:default/ada', 'group:default/team'],
    });
    const service = await json(
      await backend.fetch('/api/notes/whoami', { token: await backend.serviceToken('notes') }),
    );
    expect(service.body).toMatchObject({ type: 'service', subject: 'plugin:test-kit' });
    const external = await json(await backend.fetch('/api/notes/whoami', { token: 'ci-token-123' }));
    expect(external.body).toMatchObject({ type: 'service', subject: 'ci' });
  });

  it('enforces user-only routes and external access restrictions', async () => {
    expect((await backend.fetch('/api/notes/users-only', { token: 'ci-token-123' })).status).toBe(403);
    expect((await backend.fetch('/api/notes/users-only', { token: userToken })).status).toBe(200);
    expect((await backend.fetch('/api/notes/notes', { token: 'notes-only-token' })).status).toBe(200);
    const denied = await json(await backend.fetch('/api/other/ping', { token: 'notes-only-token' }));
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      message: "external access 'limited' is restricted to plugins 'notes'",
    });
  });

  it('requires credentials on raw routes too', async () => {
    expect((await backend.fetch('/api/other/ping')).status).toBe(401);
    expect((await backend.fetch('/api/other/ping', { token: userToken })).status).toBe(200);
  });
});

describe('routes', () => {
  it('keeps each plugin under its own prefix', async () => {
    expect((await backend.fetch('/api/other/notes', { token: userToken })).status).toBe(404);
    const missing = await json(await backend.fetch('/api/notes/nope', { token: userToken }));
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ name: 'NotFoundError' });
  });

  it('validates input with the route schemas and names the field', async () => {
    const bad = await json(await backend.fetch('/api/notes/notes?limit=-3', { token: userToken }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ name: 'InputError' });
    expect(String((bad.body.error as { message: string }).message)).toMatch(
      /^Invalid query parameters: limit: /,
    );
    const body = await json(
      await backend.fetch('/api/notes/notes', {
        token: userToken,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":""}',
      }),
    );
    expect(body.status).toBe(400);
    expect(String((body.body.error as { message: string }).message)).toMatch(/^Invalid request body: text: /);
  });

  it('answers with the declared status and parses defaults', async () => {
    const created = await backend.fetch('/api/notes/notes', {
      token: userToken,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(created.status).toBe(201);
    expect(await (await backend.fetch('/api/notes/notes', { token: userToken })).json()).toContain('hello');
  });

  it('rejects bodies without a content type, with broken JSON, or over the size limit', async () => {
    const noType = await json(
      await backend.fetch('/api/notes/notes', {
        token: userToken,
        method: 'POST',
        body: 'x',
        headers: { 'content-type': '' },
      }),
    );
    expect(noType.status).toBe(400);
    const broken = await json(
      await backend.fetch('/api/notes/notes', {
        token: userToken,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":',
      }),
    );
    expect(broken.status).toBe(400);
    expect((broken.body.error as { message: string }).message).toMatch(/not valid JSON/);
    const big = await json(
      await backend.fetch('/api/notes/big', {
        token: userToken,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: 'x'.repeat(5000) }),
      }),
    );
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ name: 'PayloadTooLargeError' });
  });

  it('treats an empty JSON body as no body (Backstage clients send DELETE that way)', async () => {
    const response = await backend.fetch('/api/notes/status', {
      method: 'GET',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const empty = await backend.fetch('/api/notes/notes', {
      token: userToken,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(
      /^Invalid request body/,
    );
  });

  it('rejects JSON that tries prototype poisoning', async () => {
    const response = await backend.fetch('/api/notes/notes', {
      token: userToken,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"x","__proto__":{"polluted":true}}',
    });
    expect(response.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hides the message of unexpected errors', async () => {
    const failed = await json(await backend.fetch('/api/notes/fail', { token: userToken }));
    expect(failed).toEqual({
      status: 500,
      body: {
        error: { name: 'Error', message: 'Internal server error' },
        request: { method: 'GET', url: '/fail' },
        response: { statusCode: 500 },
      },
    });
  });

  it('answers a foreign error named NotFoundError with a 500 that hides its message, and logs it', async () => {
    const failed = await json(await backend.fetch('/api/notes/fail-foreign', { token: userToken }));
    expect(failed.status).toBe(500);
    expect(failed.body.error).toEqual({ name: 'Error', message: 'Internal server error' });
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        meta: expect.objectContaining({ error: 'row 7 of table secrets' }),
      }),
    );
  });

  it('maps an AtriumError by its common code', async () => {
    const missing = await json(await backend.fetch('/api/notes/missing-note', { token: userToken }));
    expect(missing).toMatchObject({
      status: 404,
      body: { error: { name: 'AtriumError', message: "note '7' does not exist", code: 'NOT_FOUND' } },
    });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const doc = (await (await backend.fetch('/api/notes/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: Array<{ name: string }>; security?: unknown[] }>>;
    };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/notes', '/whoami', '/status']));
    expect(doc.paths['/notes']?.get?.parameters.map((p) => p.name)).toEqual(['limit']);
    expect(doc.paths['/status']?.get?.security).toEqual([]);
  });
});

describe('health and metrics', () => {
  it('serves liveness and readiness without a credential', async () => {
    expect((await backend.fetch('/.well-known/health/live')).status).toBe(200);
    expect(await (await backend.fetch('/.well-known/health/ready')).json()).toEqual({ status: 'ok' });
  });

  it('serves Prometheus metrics only to service and external access tokens', async () => {
    const anonymous = await backend.fetch('/metrics');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(
      /^\/metrics needs a service or external access token/,
    );
    expect((await backend.fetch('/metrics', { token: 'not-a-token' })).status).toBe(401);
    expect((await backend.fetch('/metrics', { token: userToken })).status).toBe(403);
    // Restricted to the notes plugin: not to metrics.
    expect((await backend.fetch('/metrics', { token: 'notes-only-token' })).status).toBe(403);
    // A plugin token issued for another plugin is not one for metrics.
    expect((await backend.fetch('/metrics', { token: await backend.serviceToken('notes') })).status).toBe(
      401,
    );
    for (const token of ['ci-token-123', await backend.serviceToken('metrics')]) {
      const response = await backend.fetch('/metrics', { token });
      expect(response.status).toBe(200);
      const metrics = await response.text();
      expect(metrics).toContain('atrium_http_request_duration_seconds_bucket');
      expect(metrics).toContain('plugin="notes"');
    }
  });
});
