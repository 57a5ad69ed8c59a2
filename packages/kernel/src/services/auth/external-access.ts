import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import type { ServicePrincipal } from './credentials.js';

const restrictions = z.array(z.object({ plugin: z.string(), permission: z.string().optional() })).optional();

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
        accessRestrictions: restrictions,
      }),
      z.object({
        type: z.literal('legacy'),
        options: z.object({
          secret: z.string().min(1).meta({ visibility: 'secret' }),
          subject: z.string().min(1),
        }),
        accessRestrictions: restrictions,
      }),
    ]),
  )
  .default([]);

/** Parsed `backend.auth.externalAccess`. */
export type ExternalAccessConfig = z.output<typeof externalAccessSchema>;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Resolves external callers' tokens to service principals. */
export interface ExternalAccess {
  authenticate(token: string): Promise<{ principal: ServicePrincipal; expiresAt?: Date } | undefined>;
}

/**
 * Creates the external access checker. Static tokens are compared in constant time;
 * legacy tokens are HS256 JWTs signed with a shared base64 secret.
 */
export function createExternalAccess(config: ExternalAccessConfig): ExternalAccess {
  const statics = config.flatMap((entry) =>
    entry.type === 'static' ? [{ digest: digest(entry.options.token), entry }] : [],
  );
  const legacy = config.flatMap((entry) =>
    entry.type === 'legacy' ? [{ key: Buffer.from(entry.options.secret, 'base64'), entry }] : [],
  );
  const principalOf = (entry: ExternalAccessConfig[number]): ServicePrincipal => ({
    type: 'service',
    subject: entry.options.subject,
    allowedPlugins: entry.accessRestrictions?.map((r) => r.plugin),
  });
  return {
    async authenticate(token) {
      const given = digest(token);
      const match = statics.find((s) => timingSafeEqual(s.digest, given));
      if (match) return { principal: principalOf(match.entry) };
      for (const { key, entry } of legacy) {
        try {
          const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
          return {
            principal: principalOf(entry),
            expiresAt: payload.exp ? new Date(payload.exp * 1000) : undefined,
          };
        } catch {
          // Not signed with this secret; try the next one.
        }
      }
      return undefined;
    },
  };
}
