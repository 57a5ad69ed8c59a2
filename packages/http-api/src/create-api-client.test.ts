import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ResponseError } from '@atrium/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient } from './create-api-client.js';
import { defineHttpApi } from './define-http-api.js';

const todo = z.object({ id: z.string(), title: z.string(), done: z.boolean().default(false) });
const todoApi = defineHttpApi({
  routes: {
    listTodos: {
      method: 'GET',
      path: '/todos',
      query: z.object({ owner: z.string().optional(), tag: z.array(z.string()).optional() }),
      response: z.array(todo),
    },
    getTodo: { method: 'GET', path: '/todos/:id', params: z.object({ id: z.string() }), response: todo },
    addTodo: {
      method: 'POST',
      path: '/todos',
      body: z.object({ title: z.string() }),
      successStatus: 201,
      response: z.object({ id: z.string() }),
    },
    deleteTodo: {
      method: 'DELETE',
      path: '/todos/:id',
      params: z.object({ id: z.string() }),
      successStatus: 204,
    },
    health: { method: 'GET', path: '/health' },
    watchTodos: { method: 'GET', path: '/todos/watch', streaming: true },
  },
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
// What the server answers next, by "METHOD path" (path without query).
const answers = new Map<string, { status: number; type?: string; body?: string }>();

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const answer = answers.get(`${request.method} ${request.url?.split('?')[0]}`) ?? {
        status: 404,
        body: JSON.stringify({ error: { name: 'NotFoundError', message: `no route ${request.url}` } }),
      };
      response.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/todo`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const answer = (key: string, status: number, body?: unknown, type?: string) =>
  answers.set(key, { status, type, body: typeof body === 'string' ? body : JSON.stringify(body) });
const last = () => seen.at(-1) as Seen;

describe('createApiClient', () => {
  it('fills path parameters, encoding them, and parses the response with the route schema', async () => {
    answer('GET /api/todo/todos/a%2Fb%20c', 200, { id: 'a/b c', title: 'Write tests', extra: 1 });
    const client = createApiClient(todoApi, { baseUrl: `${baseUrl}/` });
    const found = await client.getTodo({ params: { id: 'a/b c' } });
    // Defaults applied, undeclared fields dropped: the caller gets what the contract says.
    expect(found).toEqual({ id: 'a/b c', title: 'Write tests', done: false });
    expect(last()).toMatchObject({ method: 'GET', url: '/api/todo/todos/a%2Fb%20c', body: '' });
    expect(last().headers['content-type']).toBeUndefined();
  });

  it('repeats array query parameters and leaves out undefined ones', async () => {
    answer('GET /api/todo/todos', 200, []);
    const client = createApiClient(todoApi, { baseUrl: async () => baseUrl });
    await client.listTodos({ query: { tag: ['a', 'b c'], owner: undefined } });
    expect(last().url).toBe('/api/todo/todos?tag=a&tag=b+c');
    await client.listTodos({ query: {} });
    expect(last().url).toBe('/api/todo/todos');
  });

  it('sends the body as JSON and returns the declared answer', async () => {
    answer('POST /api/todo/todos', 201, { id: 't1' });
    const client = createApiClient(todoApi, { baseUrl });
    expect(await client.addTodo({ body: { title: 'Ship' } })).toEqual({ id: 't1' });
    expect(last()).toMatchObject({ method: 'POST', body: '{"title":"Ship"}' });
    expect(last().headers['content-type']).toBe('application/json');
  });

  it('resolves a 204 with undefined', async () => {
    answers.set('DELETE /api/todo/todos/t1', { status: 204 });
    const client = createApiClient(todoApi, { baseUrl });
    expect(await client.deleteTodo({ params: { id: 't1' } })).toBeUndefined();
    expect(last().method).toBe('DELETE');
  });

  it('passes every call through the given fetch, with per-call headers and signal', async () => {
    answer('GET /api/todo/health', 200, { ok: true });
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const client = createApiClient(todoApi, {
      baseUrl,
      fetch: (url, init) => {
        calls.push({ url, init });
        const headers = new Headers(init.headers);
        headers.set('authorization', 'Bearer t0k');
        return fetch(url, { ...init, headers });
      },
    });
    const controller = new AbortController();
    expect(
      await client.health(undefined, { headers: { accept: 'application/json' }, signal: controller.signal }),
    ).toEqual({
      ok: true,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.signal).toBe(controller.signal);
    expect(last().headers).toMatchObject({ authorization: 'Bearer t0k', accept: 'application/json' });
  });

  it("rejects an error answer with a ResponseError carrying the server's name, message and status", async () => {
    answer('GET /api/todo/todos/nope', 404, {
      error: { name: 'NotFoundError', message: "no todo 'nope'" },
      response: { statusCode: 404 },
    });
    const client = createApiClient(todoApi, { baseUrl });
    const error = await client.getTodo({ params: { id: 'nope' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ name: 'NotFoundError', message: "no todo 'nope'", statusCode: 404 });
  });

  it('rejects a non-JSON error page with its status and text', async () => {
    answer('GET /api/todo/health', 502, 'Bad gateway', 'text/plain');
    const client = createApiClient(todoApi, { baseUrl });
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ statusCode: 502 });
    expect((error as Error).message).toContain('Bad gateway');
  });

  it('rejects a body that breaks the route contract, naming the route and the field', async () => {
    answer('GET /api/todo/todos/t2', 200, { id: 't2', title: 42 });
    const client = createApiClient(todoApi, { baseUrl });
    const error = await client.getTodo({ params: { id: 't2' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_API_INVALID_RESPONSE' });
    expect((error as Error).message).toContain("GET /todos/:id (route 'getTodo')");
    expect((error as Error).message).toContain("at 'title'");
  });

  it('hands back the unread Response of a streaming route without a JSON response', async () => {
    answer('GET /api/todo/todos/watch', 200, 'event: change\ndata: {}\n\n', 'text/event-stream');
    const client = createApiClient(todoApi, { baseUrl });
    const response = await client.watchTodos(undefined, { headers: { accept: 'text/event-stream' } });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe('event: change\ndata: {}\n\n');
    expect(last().headers.accept).toBe('text/event-stream');
  });

  it('fails before calling when a path parameter is missing', async () => {
    const before = seen.length;
    const client = createApiClient(todoApi, { baseUrl });
    // @ts-expect-error: params is required by the route's params schema
    const error = await client.getTodo({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_API_MISSING_PATH_PARAMETER' });
    expect((error as Error).message).toContain("path parameter 'id'");
    expect(seen.length).toBe(before);
  });

  it('types arguments and answers from the route schemas', () => {
    const client = createApiClient(todoApi, { baseUrl });
    const typed = async () => {
      const list: Array<{ id: string; done: boolean }> = await client.listTodos();
      // @ts-expect-error: the body must have a title
      await client.addTodo({ body: {} });
      // @ts-expect-error: a streaming route without a response schema answers a Response, not JSON
      const notJson: { id: string } = await client.watchTodos();
      return [list, notJson];
    };
    expect(typeof typed).toBe('function');
  });
});
