import { describe, expect, it } from 'vitest';
import { petstoreDefinition } from '../test-utils/sample-entities.js';
import { describeSchema } from './describe-schema.js';
import { parseOpenApi } from './parse-openapi.js';

describe('parseOpenApi', () => {
  it('groups OpenAPI 3 operations by tag with parameters, bodies and responses', () => {
    const view = parseOpenApi(petstoreDefinition);
    expect(view).toMatchObject({
      title: 'Petstore',
      version: '1.2.0',
      servers: [{ url: 'https://petstore.example.com/v1' }],
    });
    expect(view.groups.map((g) => [g.tag, g.operations.map((o) => o.id)])).toEqual([
      ['pets', ['get /pets', 'post /pets']],
      ['default', ['get /health']],
    ]);
    const [list, create] = view.groups[0]?.operations ?? [];
    expect(list?.parameters).toEqual([
      {
        name: 'limit',
        in: 'query',
        required: false,
        deprecated: false,
        description: 'How many items to return',
        schema: 'integer (int32)',
      },
    ]);
    expect(list?.responses).toEqual([
      {
        status: '200',
        description: 'A paged array of pets',
        content: [{ mediaType: 'application/json', schema: 'array<Pet>' }],
      },
    ]);
    expect(create?.requestBody).toEqual({
      required: true,
      content: [{ mediaType: 'application/json', schema: 'Pet' }],
    });
  });

  it('reads Swagger 2.0: body parameters, response schemas, host and shared path parameters', () => {
    const view = parseOpenApi(
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'Old', version: '1' },
        host: 'api.example.com',
        basePath: '/v2',
        produces: ['application/json'],
        parameters: { Id: { name: 'id', in: 'path', required: true, type: 'string' } },
        paths: {
          '/things/{id}': {
            parameters: [{ $ref: '#/parameters/Id' }],
            put: {
              parameters: [
                { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Thing' } },
              ],
              responses: {
                200: { description: 'ok', schema: { type: 'object', properties: { a: {}, b: {} } } },
              },
            },
          },
        },
      }),
    );
    expect(view.servers).toEqual([{ url: 'https://api.example.com/v2' }]);
    const op = view.groups[0]?.operations[0];
    expect(op?.parameters.map((p) => `${p.in}:${p.name}:${p.schema}`)).toEqual(['path:id:string']);
    expect(op?.requestBody?.content).toEqual([{ mediaType: 'application/json', schema: 'Thing' }]);
    expect(op?.responses[0]?.content[0]?.schema).toBe('object { a, b }');
  });

  it('refuses text that is not OpenAPI', () => {
    expect(() => parseOpenApi('asyncapi: 2.6.0\ninfo: {}')).toThrow(/not an OpenAPI document/);
    expect(() => parseOpenApi('asyncapi: 2.6.0\ninfo: {}')).toThrow(
      expect.objectContaining({ code: 'CATALOG_API_DEFINITION_INVALID' }),
    );
    expect(() => parseOpenApi('{ nope')).toThrow();
  });
});

describe('describeSchema', () => {
  it('summarises enums, unions and nested arrays', () => {
    expect(describeSchema({ enum: ['asc', 'desc'] })).toBe('"asc" | "desc"');
    expect(describeSchema({ oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/Cat' }] })).toBe(
      'string | Cat',
    );
    expect(describeSchema({ type: 'array', items: { type: 'array', items: { type: 'number' } } })).toBe(
      'array<array<number>>',
    );
    expect(describeSchema(undefined)).toBe('any');
  });
});
