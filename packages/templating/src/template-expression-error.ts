import { AtriumError, type AtriumErrorOptions, InputError } from '@atrium/errors';
import type { SandboxFailure, SandboxItemResult } from './sandbox-settings.js';
import { templatingErrorCodes } from './templating-error-codes.js';

/**
 * A template expression is invalid: it does not parse or it fails while rendering. An
 * `InputError` (HTTP 400) whose `code` is `TEMPLATING_SYNTAX` or `TEMPLATING_RENDER`.
 */
export class TemplateExpressionError extends InputError {
  constructor(
    code: 'TEMPLATING_SYNTAX' | 'TEMPLATING_RENDER',
    message: string,
    options: AtriumErrorOptions = {},
  ) {
    super(message, { ...options, code });
  }
}

/** Where a failing template came from, for error messages. */
export interface TemplateOrigin {
  template: string;
  /** A field path (`input.values.name`) or file name, when the caller has one. */
  label?: string | undefined;
}

const MAX_QUOTED_LENGTH = 160;

function quote(template: string): string {
  const shown = template.length > MAX_QUOTED_LENGTH ? `${template.slice(0, MAX_QUOTED_LENGTH)}…` : template;
  return JSON.stringify(shown);
}

function subject(origin: TemplateOrigin): string {
  return origin.label
    ? `template '${origin.label}' (${quote(origin.template)})`
    : `template ${quote(origin.template)}`;
}

/** The error for one item the sandbox reported as failed. */
export function itemError(
  result: Extract<SandboxItemResult, { t: 'error' }>,
  origin: TemplateOrigin,
  maxOutputBytes: number,
): AtriumError {
  const details = {
    template: origin.template,
    label: origin.label,
    line: result.line,
    column: result.column,
  };
  if (result.reason === 'output') {
    return new AtriumError(
      templatingErrorCodes.TEMPLATING_OUTPUT_TOO_LARGE,
      `${subject(origin)} rendered more than the limit of ${maxOutputBytes} bytes`,
      { details },
    );
  }
  const position = result.line
    ? ` at line ${result.line}${result.column ? `, column ${result.column}` : ''}`
    : '';
  const kind = result.reason === 'syntax' ? 'has a syntax error' : 'failed to render';
  return new TemplateExpressionError(
    result.reason === 'syntax'
      ? templatingErrorCodes.TEMPLATING_SYNTAX
      : templatingErrorCodes.TEMPLATING_RENDER,
    `${subject(origin)} ${kind}${position}: ${result.message}`,
    { details },
  );
}

/** The error for a request the sandbox could not complete. */
export function requestError(
  failure: SandboxFailure,
  origins: TemplateOrigin[],
  timeoutMs: number,
): AtriumError {
  if (failure.code === templatingErrorCodes.TEMPLATING_TIMEOUT) {
    const origin = failure.index === undefined ? undefined : origins[failure.index];
    return new AtriumError(
      templatingErrorCodes.TEMPLATING_TIMEOUT,
      `${origin ? `${subject(origin)}: ` : ''}template expression exceeded the time limit of ${timeoutMs} ms`,
      { details: { template: origin?.template, label: origin?.label } },
    );
  }
  return new AtriumError(failure.code, failure.message ?? 'the templating sandbox failed');
}
