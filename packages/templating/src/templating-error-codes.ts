import { defineErrorCodes } from '@atrium/errors';

/**
 * Every code this package throws, one line each. The sandbox process (plain JavaScript,
 * no imports) sends TEMPLATING_TIMEOUT, TEMPLATING_INVALID_EXTENSION and
 * TEMPLATING_SANDBOX_FAILED as strings; they are declared here all the same.
 */
export const templatingErrorCodes = defineErrorCodes({
  TEMPLATING_SYNTAX: 'A template does not parse (unclosed tag, bad expression); fix it at the line named.',
  TEMPLATING_RENDER:
    'A template parsed but failed while rendering (unknown filter, a filter threw); fix the expression.',
  TEMPLATING_TIMEOUT:
    'A template ran longer than timeoutMs and the sandbox was restarted; simplify it or raise the limit.',
  TEMPLATING_OUTPUT_TOO_LARGE:
    'A rendered output was larger than maxOutputBytes; render less or raise the limit.',
  TEMPLATING_MEMORY_LIMIT:
    'Rendering ran out of the sandbox heap (memoryLimitMb); render less or raise the limit.',
  TEMPLATING_SANDBOX_CRASHED:
    'The sandbox process stopped unexpectedly; the message has its first diagnostic line.',
  TEMPLATING_SANDBOX_FAILED:
    'The sandbox could not complete a request for another reason; the message says which.',
  TEMPLATING_INVALID_EXTENSION:
    'An additionalFilters or globals source did not evaluate to something usable; fix that source.',
  TEMPLATING_INVALID_OPTION:
    'A createTemplater option is out of range (limits are positive numbers); fix the option.',
  TEMPLATING_CLOSED: 'The templater was closed; create a new one to render again.',
});

/** A code this package throws. */
export type TemplatingErrorCode = keyof typeof templatingErrorCodes;
