import { createHash } from 'node:crypto';
import { InputError } from '@atrium/errors';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

/** The npm-style sha512 integrity of bytes: `sha512-<base64>`. */
export function integrityOf(bytes: Buffer): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/** Throws PLUGINS_INTEGRITY_MISMATCH naming `what` unless `bytes` have the `expected` sha512 integrity. */
export function assertIntegrity(bytes: Buffer, expected: string, what: string): void {
  const actual = integrityOf(bytes);
  if (actual !== expected)
    throw new InputError(
      `${what}: its sha512 integrity is ${actual}, not the ${expected} recorded for it; it was not loaded`,
      { code: pluginsErrorCodes.PLUGINS_INTEGRITY_MISMATCH, details: { expected, actual } },
    );
}
