/** Structured facts attached to an error, safe to show to the caller. */
export type ErrorDetails = Record<string, unknown>;

/** Options accepted by every Atrium error. */
export interface AtriumErrorOptions {
  /** The error that led to this one. */
  cause?: unknown;
  /** Ids and facts involved, for logs and tooling. */
  details?: ErrorDetails;
}

/**
 * Base of every error Atrium throws on purpose: a stable `code` tests and tools can
 * assert, a message that names the ids involved and what to do next, and the `cause`.
 *
 * @example
 * throw new AtriumError('KERNEL_DUPLICATE_PLUGIN', "plugin 'catalog' was added twice");
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

/** True for any error created by Atrium (also across package copies). */
export function isAtriumError(value: unknown): value is AtriumError {
  return (
    value instanceof AtriumError ||
    (value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && 'details' in value)
  );
}
