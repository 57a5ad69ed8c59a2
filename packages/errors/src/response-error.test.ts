import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ResponseError as BackstageResponseError,
  serializeError as backstageSerialize,
} from '@backstage/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAtriumError } from './atrium-error.js';
import { NotFoundError } from './domain-errors.js';
import { serializeError, statusForError } from './http-mapping.js';
import { ResponseError } from './response-error.js';

// A loopback server answering each path with a fixed status, content type and body.
const answers: Record<string, { status: number; type: string; body: string }> = {};
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = answers[request.url ?? ''] ?? { status: 500, type: 'text/plain', body: '' };
    response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function fetchError(path: string, answer: (typeof answers)[string]): Promise<ResponseError> {
  answers[path] = answer;
  return ResponseError.fromResponse(await fetch(`${base}${path}`));
}

describe('ResponseError.fromResponse', () => {
  it("reads the error body a Backstage backend sends (its serializer's shape)", async () => {
    const backstageBody = {
      error: backstageSerialize(new Error("No entity named 'x' found")),
      request: { method: 'GET', url: '/entities/by-name/component/default/x' },
      response: { statusCode: 404 },
    };
    backstageBody.error.name = 'NotFoundError';
    const error = await fetchError('/backstage', {
      status: 404,
      type: 'application/json',
      body: JSON.stringify(backstageBody),
    });
    expect(error).toBeInstanceOf(ResponseError);
    expect(isAtriumError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: "No entity named 'x' found",
      statusCode: 404,
    });
    expect(error.code).toBe('RESPONSE_ERROR');
    expect(error.body?.request?.url).toBe('/entities/by-name/component/default/x');
  });

  it("keeps the code of an Atrium server's error body", async () => {
    const body = serializeError(new NotFoundError('gone'), { request: { method: 'GET', url: '/x' } });
    const error = await fetchError('/atrium', {
      status: 404,
      type: 'application/json',
      body: JSON.stringify(body),
    });
    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: 'gone',
      code: 'NOT_FOUND',
      statusCode: 404,
    });
    expect(error.body).toEqual(body);
  });

  it('falls back to the status and the start of a body that is not the error JSON', async () => {
    const error = await fetchError('/proxy', {
      status: 502,
      type: 'text/html',
      body: '<h1>Bad gateway</h1>',
    });
    expect(error.name).toBe('ResponseError');
    expect(error.body).toBeUndefined();
    expect(error.message).toBe(`Request to ${base}/proxy failed with 502 Bad Gateway: <h1>Bad gateway</h1>`);
  });

  it('is a 500 when it reaches an error handler, whatever the other service answered', async () => {
    const body = serializeError(new NotFoundError('entity internals'));
    const error = await fetchError('/upstream', {
      status: 404,
      type: 'application/json',
      body: JSON.stringify(body),
    });
    expect(statusForError(error)).toBe(500);
    expect(serializeError(error).error.message).toBe('Internal server error');
  });

  it("writes bodies that Backstage's own ResponseError reads", async () => {
    answers['/for-backstage'] = {
      status: 404,
      type: 'application/json',
      body: JSON.stringify(
        serializeError(new NotFoundError('gone'), { request: { method: 'GET', url: '/y' } }),
      ),
    };
    const error = await BackstageResponseError.fromResponse(await fetch(`${base}/for-backstage`));
    expect(error.statusCode).toBe(404);
    expect(error.cause).toMatchObject({ name: 'NotFoundError', message: 'gone' });
  });
});
