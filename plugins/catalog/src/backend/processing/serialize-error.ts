import type { SerializedError } from './processing-types.js';

/**
 * The stored form of an error: name and message (never the stack, which would leak
 * server paths into `status.items`), plus the cause's name and message when there is one.
 *
 * @example
 * serializeProcessingError(new InputError('spec.owner is missing')); // { name: 'InputError', message: 'spec.owner is missing' }
 */
export function serializeProcessingError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const out: SerializedError = { name: error.name || 'Error', message: error.message };
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) out.cause = { name: cause.name, message: cause.message };
  return out;
}
