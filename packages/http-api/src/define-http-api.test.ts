import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineHttpApi } from './define-http-api.js';

describe('defineHttpApi', () => {
  it('keeps the routes as declared, for the manifest, the server and clients', () => {
    const routes = {
      listTodos: { method: 'GET', path: '/todos', response: z.array(z.string()) },
      getTodo: { method: 'GET', path: '/todos/:id', params: z.object({ id: z.string() }) },
    } as const;
    const api = defineHttpApi({ title: 'Todo', routes });
    expect(api.$$type).toBe('@atrium/HttpApi');
    expect(api.title).toBe('Todo');
    expect(api.routes).toBe(routes);
  });

  it.each([
    ['todos', 'no leading slash'],
    ['/todos?done=true', 'a query string'],
    ['/todos#top', 'a fragment'],
    ['/to dos', 'a space'],
    ['', 'an empty path'],
  ])("refuses the path '%s' (%s), naming the route", (path) => {
    expect(() => defineHttpApi({ routes: { listTodos: { method: 'GET', path } } })).toThrow(
      `route 'listTodos' has path '${path}'`,
    );
  });

  it('accepts parameters, dots and dashes in paths', () => {
    expect(() =>
      defineHttpApi({
        routes: {
          a: { method: 'GET', path: '/' },
          b: { method: 'GET', path: '/.well-known/jwks.json' },
          c: { method: 'GET', path: '/entities/by-name/:kind/:namespace/:name' },
        },
      }),
    ).not.toThrow();
  });

  it('refuses two routes with the same method and path, naming both', () => {
    expect(() =>
      defineHttpApi({
        routes: {
          listTodos: { method: 'GET', path: '/todos' },
          allTodos: { method: 'GET', path: '/todos' },
        },
      }),
    ).toThrow("routes 'listTodos' and 'allTodos' both declare GET /todos");
  });

  it('allows the same path with different methods', () => {
    expect(() =>
      defineHttpApi({
        routes: {
          listTodos: { method: 'GET', path: '/todos' },
          addTodo: { method: 'POST', path: '/todos' },
        },
      }),
    ).not.toThrow();
  });
});
