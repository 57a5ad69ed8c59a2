export { AtriumError, type AtriumErrorOptions, type ErrorDetails, isAtriumError } from './atrium-error.js';
export {
  AuthenticationError,
  ConflictError,
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
