import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@atrium/errors';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import {
  type AccessRestrictionsMap,
  accessRestrictionsSchema,
  toAccessRestrictionsMap,
} from './access-restrictions.js';

/** `backend.auth.externalAccess`, in Backstage's shape. */
export const externalAccessSchema = z
  .array(
    z.discriminatedUnion('type', [
      z.object({
        type: z.literal('static'),
        options: z.object({
          token: z
            .string()
            .min(8, 'must be at least 8 characters')
            .regex(/^\S+$/, 'must not contain whitespace')
            .meta({ visibility: 'secret' }),
          subject: z.string().min(1),
        }),
        accessRestrictions: accessRestrictionsSchema,
      }),
      z.object({
        type: z.literal('legacy'),
        options: z.object({
          secret: z.string().min(1).meta({ visibility: 'secret' }),
          subject: z.string().min(1),
        }),
        accessRestrictions: accessRestrictionsSchema,
      }),
    ]),
  )
  .default([]);

/** Parsed `backend.auth.externalAccess`. */
export type ExternalAccessConfig = z.output<typeof externalAccessSchema>;

/** An external caller, as configured. */
interface ExternalCaller {
  subject: string;
  /** Per plugin; absent when the entry has no `accessRestrictions`. */
  restrictions?: AccessRestrictionsMap;
  expiresAt?: Date;
}

/** Resolves external callers' tokens. */
export interface ExternalAccess {
  authenticate(token: string): Promise<ExternalCaller | undefined>;
}

/** Backstage's legacy tokens (ServerTokenManager) lived one hour; a longer one is refused. */
const LEGACY_MAX_LIFETIME_SECONDS = 3600;
/** Clock skew tolerated between the issuer and this backend. */
const CLOCK_TOLERANCE_SECONDS = 30;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when the token has the shape of a legacy token: HS256, `sub: backstage-server`, no audience. */
function looksLegacy(token: string): boolean {
  try {
    if (decodeProtectedHeader(token).alg !== 'HS256') return false;
    const { sub, aud } = decodeJwt(token);
    return sub === 'backstage-server' && aud === undefined;
  } catch {
    return false;
  }
}

async function verifyLegacy(token: string, key: Uint8Array): Promise<Date | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      subject: 'backstage-server',
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const exp = payload.exp as number;
    if (exp > Date.now() / 1000 + LEGACY_MAX_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
      throw new AuthenticationError(
        `legacy token expires more than ${LEGACY_MAX_LIFETIME_SECONDS / 60} minutes from now; issue tokens that live at most one hour`,
      );
    }
    return new Date(exp * 1000);
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) return undefined;
    if (error instanceof AuthenticationError) throw error;
    throw new AuthenticationError(`invalid legacy token: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Creates the external access checker. Static tokens are compared in constant time;
 * legacy tokens are HS256 JWTs signed with a shared base64 secret, with
 * `sub: backstage-server`, no audience and an `exp` at most an hour away, as in Backstage.
 */
export function createExternalAccess(config: ExternalAccessConfig): ExternalAccess {
  const callerOf = (entry: ExternalAccessConfig[number], expiresAt?: Date): ExternalCaller => ({
    subject: entry.options.subject,
    restrictions: toAccessRestrictionsMap(entry.accessRestrictions),
    expiresAt,
  });
  const statics = config.flatMap((entry) =>
    entry.type === 'static' ? [{ digest: digest(entry.options.token), entry }] : [],
  );
  const legacy = config.flatMap((entry) =>
    entry.type === 'legacy' ? [{ key: Buffer.from(entry.options.secret, 'base64'), entry }] : [],
  );
  return {
    async authenticate(token) {
      const given = digest(token);
      const match = statics.find((s) => timingSafeEqual(s.digest, given));
      if (match) return callerOf(match.entry);
      if (legacy.length === 0 || !looksLegacy(token)) return undefined;
      for (const { key, entry } of legacy) {
        const expiresAt = await verifyLegacy(token, key);
        if (expiresAt) return callerOf(entry, expiresAt);
      }
      return undefined;
    },
  };
}
