import { InputError, PayloadTooLargeError } from '@atrium/errors';
import type { FastifyRequest } from 'fastify';

/** Turns Fastify's own request errors into Atrium's domain errors, with plain messages. */
export function mapFastifyError(error: unknown, request: FastifyRequest): unknown {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError(
        `Request body is larger than the limit of ${request.routeOptions.bodyLimit ?? 'the configured'} bytes (backend.http.bodyLimit)`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new InputError(
        request.headers['content-type']
          ? `Content-Type '${request.headers['content-type']}' is not supported; send application/json`
          : 'Content-Type missing; send application/json',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new InputError('Request body is empty but Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new InputError(`Request body is not valid JSON: ${(error as Error).message}`);
    default:
      if (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) {
        return new InputError(`Request body is not valid JSON: ${error.message}`);
      }
      return error;
  }
}
