export { AtriumError, type AtriumErrorOptions, type ErrorDetails, isAtriumError } from './atrium-error.js';
export { type CommonErrorCode, commonErrorCodes } from './common-error-codes.js';
export {
  defineErrorCodes,
  describeErrorCodes,
  type ErrorCodeDescription,
  type ErrorCodes,
} from './define-error-codes.js';
export {
  AuthenticationError,
  ConflictError,
  type DomainErrorOptions,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  PayloadTooLargeError,
  ServiceUnavailableError,
} from './domain-errors.js';
export {
  type ErrorResponseBody,
  type SerializeErrorOptions,
  serializeError,
  statusForError,
} from './http-mapping.js';
export { ResponseError } from './response-error.js';
