import { defineErrorCodes } from './define-error-codes.js';

/**
 * The codes of the domain errors and of `ResponseError`, shared by every package. A
 * package's own codes live in its own catalog (e.g. `kernelErrorCodes`).
 */
export const commonErrorCodes = defineErrorCodes({
  INPUT_INVALID:
    'InputError (400): the caller sent bad parameters, body, filter or cursor; fix the named field.',
  AUTHENTICATION_FAILED:
    'AuthenticationError (401): no or an invalid credential; sign in again or send a valid token.',
  NOT_ALLOWED: 'NotAllowedError (403): the caller may not do this; ask for the named permission.',
  NOT_FOUND:
    'NotFoundError (404): the named thing does not exist or is not visible to the caller; check the id.',
  CONFLICT:
    'ConflictError (409): the request conflicts with the current state (a duplicate); reload and retry.',
  PAYLOAD_TOO_LARGE: 'PayloadTooLargeError (413): the body is over backend.http.bodyLimit; send less.',
  NOT_MODIFIED: "NotModifiedError (304): the resource did not change since the caller's copy; keep using it.",
  NOT_IMPLEMENTED:
    'NotImplementedError (501): the contract has the feature but this server does not; upgrade it.',
  SERVICE_UNAVAILABLE:
    'ServiceUnavailableError (503): a dependency is down or the server not ready; retry later.',
  RESPONSE_ERROR:
    'ResponseError: a server answered an error without a code; read statusCode and the message.',
  ERROR_CODE_INVALID: 'defineErrorCodes got a code not in UPPER_SNAKE_CASE or a description not on one line.',
});

/** A code of {@link commonErrorCodes}. */
export type CommonErrorCode = keyof typeof commonErrorCodes;
