import { AtriumError, type AtriumErrorOptions } from './atrium-error.js';

function domainError(name: string, code: string) {
  const ErrorClass = class extends AtriumError {
    constructor(message: string, options: AtriumErrorOptions = {}) {
      super(code, message, options);
      this.name = name;
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}

/** The caller sent something invalid: bad parameters, body, filter or cursor (400). */
export class InputError extends domainError('InputError', 'INPUT_INVALID') {}
/** No or an invalid credential (401). */
export class AuthenticationError extends domainError('AuthenticationError', 'AUTHENTICATION_FAILED') {}
/** The caller is known but may not do this (403). */
export class NotAllowedError extends domainError('NotAllowedError', 'NOT_ALLOWED') {}
/** The thing asked for does not exist, or is not visible to the caller (404). */
export class NotFoundError extends domainError('NotFoundError', 'NOT_FOUND') {}
/** The request conflicts with the current state, e.g. a duplicate (409). */
export class ConflictError extends domainError('ConflictError', 'CONFLICT') {}
/** The body is over the configured size limit (413). */
export class PayloadTooLargeError extends domainError('PayloadTooLargeError', 'PAYLOAD_TOO_LARGE') {}
/** The resource did not change since the caller's copy (304). */
export class NotModifiedError extends domainError('NotModifiedError', 'NOT_MODIFIED') {}
/** The feature exists in the contract but not in this server (501). */
export class NotImplementedError extends domainError('NotImplementedError', 'NOT_IMPLEMENTED') {}
/** A dependency is down or the server is not ready yet (503). */
export class ServiceUnavailableError extends domainError('ServiceUnavailableError', 'SERVICE_UNAVAILABLE') {}
