import { AtriumError, type AtriumErrorOptions, httpStatusKey } from './atrium-error.js';
import { type CommonErrorCode, commonErrorCodes } from './common-error-codes.js';
import { statusByCode } from './http-mapping.js';

/** Options of the domain errors. */
export interface DomainErrorOptions extends AtriumErrorOptions {
  /** A finer code from the thrower's catalog (e.g. `TEMPLATING_SYNTAX`); the class still sets the status. */
  code?: string;
}

function domainError(name: string, code: keyof typeof statusByCode & CommonErrorCode) {
  const status = statusByCode[code];
  const ErrorClass = class extends AtriumError {
    constructor(message: string, options: DomainErrorOptions = {}) {
      super(options.code ?? code, message, options);
      this.name = name;
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  // On the prototype, so subclasses (a TemplateExpressionError is an InputError) inherit it.
  Object.defineProperty(ErrorClass.prototype, httpStatusKey, { value: status });
  return ErrorClass;
}

const c = commonErrorCodes;

/** The caller sent something invalid: bad parameters, body, filter or cursor (400). */
export class InputError extends domainError('InputError', c.INPUT_INVALID) {}
/** No or an invalid credential (401). */
export class AuthenticationError extends domainError('AuthenticationError', c.AUTHENTICATION_FAILED) {}
/** The caller is known but may not do this (403). */
export class NotAllowedError extends domainError('NotAllowedError', c.NOT_ALLOWED) {}
/** The thing asked for does not exist, or is not visible to the caller (404). */
export class NotFoundError extends domainError('NotFoundError', c.NOT_FOUND) {}
/** The request conflicts with the current state, e.g. a duplicate (409). */
export class ConflictError extends domainError('ConflictError', c.CONFLICT) {}
/** The body is over the configured size limit (413). */
export class PayloadTooLargeError extends domainError('PayloadTooLargeError', c.PAYLOAD_TOO_LARGE) {}
/** The resource did not change since the caller's copy (304). */
export class NotModifiedError extends domainError('NotModifiedError', c.NOT_MODIFIED) {}
/** The feature exists in the contract but not in this server (501). */
export class NotImplementedError extends domainError('NotImplementedError', c.NOT_IMPLEMENTED) {}
/** A dependency is down or the server is not ready yet (503). */
export class ServiceUnavailableError extends domainError('ServiceUnavailableError', c.SERVICE_UNAVAILABLE) {}
