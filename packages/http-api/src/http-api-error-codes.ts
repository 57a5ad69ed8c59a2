import { defineErrorCodes } from '@atrium/errors';

/** Every code this package throws, one line each. */
export const httpApiErrorCodes = defineErrorCodes({
  HTTP_API_INVALID_PATH:
    "A route's path does not start with '/' or has a query string; declare the path only.",
  HTTP_API_DUPLICATE_ROUTE: 'Two routes of an API declare the same method and path; remove or rename one.',
  HTTP_API_MISSING_PATH_PARAMETER:
    "A client call lacks a ':name' parameter of the route's path; pass it in params.",
  HTTP_API_INVALID_RESPONSE:
    "A server's answer does not fit the route's response schema; the client and server disagree on the contract (check both versions).",
});

/** A code this package throws. */
export type HttpApiErrorCode = keyof typeof httpApiErrorCodes;
