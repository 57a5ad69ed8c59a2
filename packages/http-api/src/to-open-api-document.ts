import { z } from 'zod';
import type { HttpApi, RouteSpec } from './define-http-api.js';

type JsonObject = Record<string, unknown>;

function schemaOf(type: z.ZodType | undefined): JsonObject | undefined {
  if (!type) return undefined;
  try {
    return z.toJSONSchema(type, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as JsonObject;
  } catch {
    // Transforms and custom types have no JSON Schema; describe them as "any value".
    return {};
  }
}

function parametersOf(spec: RouteSpec): JsonObject[] {
  const out: JsonObject[] = [];
  for (const match of spec.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
    out.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  const query = schemaOf(spec.query) as
    | { properties?: Record<string, JsonObject>; required?: string[] }
    | undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    out.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema });
  }
  return out;
}

function operationOf(name: string, spec: RouteSpec): JsonObject {
  const status = String(spec.successStatus ?? 200);
  const response = schemaOf(spec.response);
  const operation: JsonObject = {
    operationId: name,
    summary: spec.summary,
    description: spec.description,
    parameters: parametersOf(spec),
    responses: {
      [status]: response
        ? { description: 'Success', content: { 'application/json': { schema: response } } }
        : { description: 'Success' },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
  if (spec.body) {
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: schemaOf(spec.body) } },
    };
  }
  if (spec.access === 'public') operation.security = [];
  return operation;
}

const errorSchema = {
  type: 'object',
  required: ['error', 'response'],
  properties: {
    error: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' } } },
    request: { type: 'object', properties: { method: { type: 'string' }, url: { type: 'string' } } },
    response: { type: 'object', properties: { statusCode: { type: 'integer' } } },
  },
};

/** Builds the OpenAPI 3.0 document of one plugin's API, served at `/api/<pluginId>/openapi.json`. */
export function toOpenApiDocument(
  apis: readonly HttpApi[],
  options: { title: string; version?: string; serverUrl: string },
): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const api of apis) {
    for (const [name, spec] of Object.entries(api.routes)) {
      const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      paths[path] ??= {};
      paths[path][spec.method.toLowerCase()] = operationOf(name, spec);
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: options.title, version: options.version ?? '0.1.0' },
    servers: [{ url: options.serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
  };
}
