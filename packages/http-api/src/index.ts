export {
  type ApiCallOptions,
  type ApiClient,
  type ApiClientOptions,
  type ApiClientResult,
  createApiClient,
} from './create-api-client.js';
export {
  defineHttpApi,
  type HttpApi,
  type HttpMethod,
  type RouteAccess,
  type RouteInput,
  type RouteRequest,
  type RouteResponse,
  type RouteSpec,
} from './define-http-api.js';
export { type HttpApiErrorCode, httpApiErrorCodes } from './http-api-error-codes.js';
export { parseSseBlocks, type SseMessage } from './parse-sse-blocks.js';
export { toOpenApiDocument } from './to-open-api-document.js';
