import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineHttpApi } from './define-http-api.js';
import { toOpenApiDocument } from './to-open-api-document.js';

const todoApi = defineHttpApi({
  title: 'Todo',
  routes: {
    listTodos: {
      method: 'GET',
      path: '/todos',
      summary: 'All todos',
      query: z.object({ done: z.enum(['true', 'false']).optional(), owner: z.string() }),
      response: z.array(z.object({ id: z.string(), title: z.string() })),
    },
    getTodo: {
      method: 'GET',
      path: '/todos/:id',
      params: z.object({ id: z.string() }),
      response: z.custom<{ id: string }>(() => true),
    },
    addTodo: {
      method: 'POST',
      path: '/todos',
      body: z.object({ title: z.string().min(1) }),
      successStatus: 201,
      response: z.object({ id: z.string() }),
    },
    deleteTodo: {
      method: 'DELETE',
      path: '/todos/:id',
      params: z.object({ id: z.string() }),
      successStatus: 204,
    },
    health: { method: 'GET', path: '/health', access: 'public' },
  },
});
const otherApi = defineHttpApi({
  routes: { watch: { method: 'GET', path: '/todos/:id/watch', streaming: true } },
});

const document = toOpenApiDocument([todoApi, otherApi], {
  title: "Atrium plugin 'todo'",
  serverUrl: 'http://localhost:7007/api/todo',
});
const paths = document.paths as Record<string, Record<string, any>>;

describe('toOpenApiDocument', () => {
  it('lists every route of every API once, with OpenAPI path templates', () => {
    expect(document.openapi).toBe('3.0.3');
    expect(document.info).toEqual({ title: "Atrium plugin 'todo'", version: '0.1.0' });
    expect(document.servers).toEqual([{ url: 'http://localhost:7007/api/todo' }]);
    const operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual([
      'delete /todos/{id} deleteTodo',
      'get /health health',
      'get /todos listTodos',
      'get /todos/{id} getTodo',
      'get /todos/{id}/watch watch',
      'post /todos addTodo',
    ]);
  });

  it('describes path and query parameters, with the required ones marked', () => {
    expect(paths['/todos/{id}']?.get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    const query = paths['/todos']?.get.parameters as Array<{ name: string; required: boolean }>;
    expect(query.map((p) => [p.name, p.required])).toEqual([
      ['done', false],
      ['owner', true],
    ]);
  });

  it('describes the request body and the success status and body', () => {
    const add = paths['/todos']?.post;
    expect(add.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['title'],
      properties: { title: { type: 'string', minLength: 1 } },
    });
    expect(Object.keys(add.responses)).toEqual(['201', 'default']);
    expect(add.responses['201'].content['application/json'].schema).toMatchObject({
      properties: { id: { type: 'string' } },
    });
    expect(paths['/todos/{id}']?.delete.responses['204']).toEqual({ description: 'Success' });
  });

  it('describes a custom schema as any value, and errors with the shared error body', () => {
    expect(paths['/todos/{id}']?.get.responses['200'].content['application/json'].schema).toEqual({});
    expect(paths['/todos']?.get.responses.default.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(document.components).toMatchObject({ schemas: { Error: { required: ['error', 'response'] } } });
  });

  it('marks public routes as needing no credential, and the rest as bearer-authenticated', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/health']?.get.security).toEqual([]);
    expect(paths['/todos']?.get.security).toBeUndefined();
  });
});
