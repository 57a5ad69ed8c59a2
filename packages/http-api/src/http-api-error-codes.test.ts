import { AtriumError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './create-api-client.js';
import { defineHttpApi } from './define-http-api.js';
import { httpApiErrorCodes } from './http-api-error-codes.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('http-api errors', () => {
  it('defineHttpApi refuses a path with a query string, naming the route and the rule', () => {
    const error = thrown(() =>
      defineHttpApi({ routes: { listTodos: { method: 'GET', path: '/todos?all=true' } } }),
    );
    expect(error).toBeInstanceOf(AtriumError);
    expect(error).toMatchObject({
      code: httpApiErrorCodes.HTTP_API_INVALID_PATH,
      message: expect.stringContaining("route 'listTodos' has path '/todos?all=true', which is not valid"),
    });
  });

  it('defineHttpApi refuses two routes with the same method and path', () => {
    const error = thrown(() =>
      defineHttpApi({
        routes: { list: { method: 'GET', path: '/todos' }, all: { method: 'GET', path: '/todos' } },
      }),
    );
    expect(error).toMatchObject({
      code: httpApiErrorCodes.HTTP_API_DUPLICATE_ROUTE,
      message: expect.stringContaining("routes 'list' and 'all' both declare GET /todos"),
    });
  });

  it('a client call without a path parameter fails before sending, naming the parameter', async () => {
    const api = defineHttpApi({ routes: { getTodo: { method: 'GET', path: '/todos/:id' } } });
    const sent: string[] = [];
    const client = createApiClient(api, {
      baseUrl: 'http://127.0.0.1:9/api/todo',
      fetch: async (url) => {
        sent.push(String(url));
        return new Response('{}');
      },
    });
    await expect(client.getTodo({ params: {} } as never)).rejects.toMatchObject({
      code: httpApiErrorCodes.HTTP_API_MISSING_PATH_PARAMETER,
      message: "route 'getTodo' (GET /todos/:id) was called without path parameter 'id'; pass it in params",
    });
    expect(sent).toEqual([]);
  });
});
