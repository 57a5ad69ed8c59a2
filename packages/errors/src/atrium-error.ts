/** Structured facts attached to an error, safe to show to the caller. */
export type ErrorDetails = Record<string, unknown>;

/** Options accepted by every Atrium error. */
export interface AtriumErrorOptions {
  /** The error that led to this one. */
  cause?: unknown;
  /** Ids and facts involved, for logs and tooling. */
  details?: ErrorDetails;
}

// Global symbols, so that two copies of this package (a dynamic plugin bundling its own)
// still recognise each other's errors, while a foreign error never carries them by chance.
const atriumErrorBrand = Symbol.for('@atrium/errors.AtriumError');
/** Where an error class keeps the HTTP status it maps to (set on the prototype). */
export const httpStatusKey: unique symbol = Symbol.for('@atrium/errors.httpStatus');

/**
 * Base of every error Atrium throws on purpose: a stable `code` tests and tools can
 * assert, a message that names the ids involved and what to do next, and the `cause`.
 * Declare the codes a package throws with `defineErrorCodes`.
 *
 * @example
 * throw new AtriumError(kernelErrorCodes.KERNEL_DUPLICATE_PLUGIN, "plugin 'catalog' was added twice");
 */
export class AtriumError extends Error {
  readonly code: string;
  readonly details: ErrorDetails | undefined;

  constructor(code: string, message: string, options: AtriumErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AtriumError';
    this.code = code;
    this.details = options.details;
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}
Object.defineProperty(AtriumError.prototype, atriumErrorBrand, { value: true });

/**
 * True for any error created by Atrium, also by another copy of this package. Decided by
 * a brand, never by the error's name or shape: a library's `NotFoundError` is not one.
 */
export function isAtriumError(value: unknown): value is AtriumError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [atriumErrorBrand]?: unknown })[atriumErrorBrand] === true
  );
}
