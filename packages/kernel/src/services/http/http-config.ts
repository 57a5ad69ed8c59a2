import { z } from 'zod';
import { externalAccessSchema } from '../auth/external-access.js';
import { durationSchema } from '../config/duration-schema.js';
import { databaseConfigSchema } from '../database/database-config.js';
import { chooseEventTransport, eventsConfigSchema } from '../events/events-config.js';
import { readingConfigSchema } from '../url-reader/reading-config.js';
import { cspConfigSchema } from './security-headers.js';

const listenSchema = z
  .union([
    z.string().transform((value, ctx) => {
      const match = /^(?:(.*):)?(\d+)$/.exec(value);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: "must be '<host>:<port>' or ':<port>'" });
        return z.NEVER;
      }
      return { host: match[1] || '127.0.0.1', port: Number(match[2]) };
    }),
    z.object({
      port: z.coerce.number().int().min(0).max(65535).default(7007),
      host: z.string().default('127.0.0.1'),
    }),
  ])
  .default({ port: 7007, host: '127.0.0.1' });

const auditLogLevel = z.enum(['debug', 'info', 'warn', 'error']);

/** The kernel's own config: `backend.*`, with Backstage's keys where Backstage has them. */
export const backendConfigSchema = z
  .object({
    baseUrl: z.url().default('http://localhost:7007'),
    /** The root logger's level (LOG_LEVEL when unset; info by default). */
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
    listen: listenSchema,
    database: databaseConfigSchema,
    reading: readingConfigSchema,
    auth: z
      .object({
        externalAccess: externalAccessSchema,
        keyLifetime: durationSchema.default({ hours: 24 }),
      })
      .prefault({}),
    /** Content-Security-Policy directives over the defaults (Backstage's shape; false drops one). */
    csp: cspConfigSchema,
    cors: z
      .object({
        origin: z.union([z.string(), z.array(z.string())]).optional(),
        methods: z.array(z.string()).optional(),
        credentials: z.boolean().optional(),
      })
      .optional(),
    http: z
      .object({
        bodyLimit: z
          .number()
          .int()
          .positive()
          .default(1024 * 1024),
      })
      .prefault({}),
    metrics: z
      .object({
        /** Serve `/metrics` without auth on a separate listener (the main one requires a token). */
        listen: z
          .object({
            host: z.string().default('127.0.0.1'),
            port: z.coerce.number().int().min(0).max(65535),
          })
          .optional(),
      })
      .prefault({}),
    cache: z
      .object({
        store: z.enum(['memory', 'redis']).default('memory'),
        connection: z.string().meta({ visibility: 'secret' }).optional(),
      })
      .refine((c) => c.store !== 'redis' || c.connection, {
        message: "backend.cache.connection is required when store is 'redis'",
      })
      .prefault({}),
    events: eventsConfigSchema,
    /** Plugins and modules to load by module specifier (`@atrium/catalog/backend`, `./local/x`). */
    features: z.array(z.string()).default([]),
    shutdown: z.object({ timeout: durationSchema.default({ seconds: 20 }) }).prefault({}),
    startup: z.object({ timeout: durationSchema.default({ seconds: 60 }) }).prefault({}),
    scheduler: z.object({ pollInterval: durationSchema.default({ seconds: 1 }) }).prefault({}),
    /** Backstage's key: the log level each audit severity prints at (e.g. `low: info` to see reads). */
    auditor: z
      .object({
        severityLogLevelMappings: z
          .object({
            low: auditLogLevel.default('debug'),
            medium: auditLogLevel.default('info'),
            high: auditLogLevel.default('info'),
            critical: auditLogLevel.default('info'),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const events = chooseEventTransport(config);
    if (typeof events === 'string')
      ctx.addIssue({ code: 'custom', path: ['events', 'transport'], message: events });
  })
  .prefault({});

/** Parsed `backend.*`. */
export type BackendConfig = z.output<typeof backendConfigSchema>;
