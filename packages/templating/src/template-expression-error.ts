import { AtriumError, type AtriumErrorOptions, InputError } from '@atrium/errors';
import type { SandboxFailure, SandboxItemResult } from './sandbox-settings.js';

/** Stable codes of the errors this package throws. */
export const templatingErrorCodes = {
  /** The template does not parse (unclosed tag, bad expression). */
  syntax: 'TEMPLATING_SYNTAX',
  /** The template parsed but failed while rendering (unknown filter, a filter threw). */
  render: 'TEMPLATING_RENDER',
  /** One template ran longer than `timeoutMs`. */
  timeout: 'TEMPLATING_TIMEOUT',
  /** One rendered output was larger than `maxOutputBytes`. */
  outputTooLarge: 'TEMPLATING_OUTPUT_TOO_LARGE',
  /** The sandbox ran out of its heap (`memoryLimitMb`). */
  memoryLimit: 'TEMPLATING_MEMORY_LIMIT',
  /** An `additionalFilters`/`globals` source did not evaluate to something usable. */
  invalidExtension: 'TEMPLATING_INVALID_EXTENSION',
  /** A `createTemplater` option is out of range. */
  invalidOption: 'TEMPLATING_INVALID_OPTION',
  /** The templater was closed. */
  closed: 'TEMPLATING_CLOSED',
} as const;

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
    super(message, options);
    // InputError fixes its code to INPUT_INVALID; callers here need the finer reason.
    Object.defineProperty(this, 'code', { value: code, enumerable: true });
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
      templatingErrorCodes.outputTooLarge,
      `${subject(origin)} rendered more than the limit of ${maxOutputBytes} bytes`,
      { details },
    );
  }
  const position = result.line
    ? ` at line ${result.line}${result.column ? `, column ${result.column}` : ''}`
    : '';
  const kind = result.reason === 'syntax' ? 'has a syntax error' : 'failed to render';
  return new TemplateExpressionError(
    result.reason === 'syntax' ? templatingErrorCodes.syntax : templatingErrorCodes.render,
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
  if (failure.code === templatingErrorCodes.timeout) {
    const origin = failure.index === undefined ? undefined : origins[failure.index];
    return new AtriumError(
      templatingErrorCodes.timeout,
      `${origin ? `${subject(origin)}: ` : ''}template expression exceeded the time limit of ${timeoutMs} ms`,
      { details: { template: origin?.template, label: origin?.label } },
    );
  }
  return new AtriumError(failure.code, failure.message ?? 'the templating sandbox failed');
}
