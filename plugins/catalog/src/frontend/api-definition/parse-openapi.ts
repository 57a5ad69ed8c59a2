import { AtriumError } from '@atrium/errors';
import { parse } from 'yaml';
import { catalogErrorCodes } from '../../common/catalog-error-codes.js';
import { describeSchema } from './describe-schema.js';

type Json = Record<string, unknown>;

/** One parameter of an operation. */
interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema: string;
}

/** A request or response body: a schema summary per media type. */
export interface BodyView {
  description?: string;
  required?: boolean;
  content: { mediaType: string; schema: string }[];
}

/** One operation (method + path) of an API. */
export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: ParameterView[];
  requestBody?: BodyView;
  responses: ({ status: string } & BodyView)[];
}

/** What the API definition tab shows of an OpenAPI (3.x or Swagger 2.0) document. */
export interface OpenApiView {
  title: string;
  version?: string;
  description?: string;
  servers: { url: string; description?: string }[];
  /** Operations grouped by tag, in the document's tag order; untagged ones under `default`. */
  groups: { tag: string; description?: string; operations: OperationView[] }[];
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Follows local `$ref`s (`#/components/...`) a few hops; foreign refs stay as they are. */
function resolve(doc: Json, value: unknown, hops = 0): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/') || hops > 8)
    return value;
  let current: unknown = doc;
  for (const part of value.$ref.slice(2).split('/')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    current = isObject(current) ? current[key] : undefined;
  }
  return current === undefined ? value : resolve(doc, current, hops + 1);
}

// Schemas keep their $ref, so the summary names them (`Pet`) instead of expanding them.
function content(body: Json, fallbackTypes: string[]): BodyView['content'] {
  if (isObject(body.content)) {
    return Object.entries(body.content).map(([mediaType, media]) => ({
      mediaType,
      schema: describeSchema(isObject(media) ? media.schema : undefined),
    }));
  }
  // Swagger 2.0 puts the schema on the body or response itself, media types on the document.
  if (body.schema !== undefined) {
    return (fallbackTypes.length ? fallbackTypes : ['application/json']).map((mediaType) => ({
      mediaType,
      schema: describeSchema(body.schema),
    }));
  }
  return [];
}

function parameterView(doc: Json, raw: unknown): ParameterView | undefined {
  const parameter = resolve(doc, raw);
  if (!isObject(parameter) || typeof parameter.name !== 'string') return undefined;
  const schema = parameter.schema ?? (parameter.type !== undefined ? parameter : undefined);
  return {
    name: parameter.name,
    in: str(parameter.in) ?? 'query',
    required: parameter.required === true,
    deprecated: parameter.deprecated === true,
    description: str(parameter.description),
    schema: describeSchema(schema),
  };
}

function operationView(
  doc: Json,
  path: string,
  method: string,
  operation: Json,
  shared: unknown[],
): OperationView {
  const produces = Array.isArray(doc.produces)
    ? doc.produces.filter((t): t is string => typeof t === 'string')
    : [];
  const consumes = Array.isArray(doc.consumes)
    ? doc.consumes.filter((t): t is string => typeof t === 'string')
    : [];
  const all = [...shared, ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
  const byKey = new Map<string, ParameterView>();
  for (const raw of all) {
    const view = parameterView(doc, raw);
    // An operation's parameter overrides a path-level one with the same name and location.
    if (view) byKey.set(`${view.in}:${view.name}`, view);
  }
  const parameters = [...byKey.values()];
  const bodyParameter = all.map((raw) => resolve(doc, raw)).find((p) => isObject(p) && p.in === 'body') as
    | Json
    | undefined;
  const rawBody = resolve(doc, operation.requestBody);
  const requestBody = isObject(rawBody)
    ? {
        description: str(rawBody.description),
        required: rawBody.required === true,
        content: content(rawBody, consumes),
      }
    : bodyParameter
      ? {
          description: str(bodyParameter.description),
          required: bodyParameter.required === true,
          content: content(bodyParameter, consumes),
        }
      : undefined;
  const responses = isObject(operation.responses)
    ? Object.entries(operation.responses).map(([status, raw]) => {
        const response = resolve(doc, raw);
        const body = isObject(response) ? response : {};
        return { status, description: str(body.description), content: content(body, produces) };
      })
    : [];
  return {
    id: `${method} ${path}`,
    method,
    path,
    summary: str(operation.summary),
    description: str(operation.description),
    deprecated: operation.deprecated === true,
    parameters: parameters.filter((p) => p.in !== 'body'),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

function servers(doc: Json): OpenApiView['servers'] {
  if (Array.isArray(doc.servers)) {
    return doc.servers
      .filter(isObject)
      .flatMap((s) => (typeof s.url === 'string' ? [{ url: s.url, description: str(s.description) }] : []));
  }
  if (typeof doc.host === 'string') {
    const scheme =
      Array.isArray(doc.schemes) && typeof doc.schemes[0] === 'string' ? doc.schemes[0] : 'https';
    return [{ url: `${scheme}://${doc.host}${typeof doc.basePath === 'string' ? doc.basePath : ''}` }];
  }
  return [];
}

/**
 * Reads an OpenAPI 3.x or Swagger 2.0 document (YAML or JSON) into what the definition tab
 * renders. Throws when the text is not such a document.
 *
 * @example
 * parseOpenApi(entity.spec.definition).groups[0].operations[0].path; // '/pets'
 */
export function parseOpenApi(text: string): OpenApiView {
  const doc: unknown = parse(text);
  if (!isObject(doc) || (!doc.openapi && !doc.swagger) || !isObject(doc.paths)) {
    throw new AtriumError(
      catalogErrorCodes.CATALOG_API_DEFINITION_INVALID,
      'The definition is not an OpenAPI document: it needs an "openapi" (or "swagger") version and "paths".',
    );
  }
  const info = isObject(doc.info) ? doc.info : {};
  const declaredTags = Array.isArray(doc.tags) ? doc.tags.filter(isObject) : [];
  const groups = new Map<string, OpenApiView['groups'][number]>();
  for (const tag of declaredTags) {
    if (typeof tag.name === 'string')
      groups.set(tag.name, { tag: tag.name, description: str(tag.description), operations: [] });
  }
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = resolve(doc, rawItem);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const view = operationView(doc, path, method, operation, shared);
      const tags =
        Array.isArray(operation.tags) && operation.tags.length > 0 ? operation.tags.map(String) : ['default'];
      for (const tag of tags) {
        const group = groups.get(tag) ?? { tag, operations: [] };
        group.operations.push(view);
        groups.set(tag, group);
      }
    }
  }
  return {
    title: str(info.title) ?? 'Untitled API',
    version: str(info.version),
    description: str(info.description),
    servers: servers(doc),
    groups: [...groups.values()].filter((group) => group.operations.length > 0),
  };
}
