import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';

/** `audit.*` config. */
export const auditConfigSchema = z
  .object({
    retention: z
      .object({
        /** Events older than this many days are deleted; 0 keeps them forever. */
        days: z.number().int().min(0).max(36_500).default(90),
        /** How often the retention task runs (on one backend at a time). */
        frequency: durationSchema.default({ hours: 1 }),
      })
      .prefault({}),
    /** Records stored per insert. */
    batchSize: z.number().int().min(1).max(5000).default(500),
    /** How long a record waits for others to fill a batch. */
    flushDelay: durationSchema.default({ milliseconds: 200 }),
    /** Records held in memory while the database is unreachable; more are logged, not stored. */
    maxBuffered: z.number().int().min(1000).max(10_000_000).default(100_000),
    /** Whether reading the log is itself an audit event (`audit.events.read`, severity low). */
    auditReads: z.boolean().default(true),
  })
  .prefault({});

/** Parsed `audit.*` config. */
export type AuditConfig = z.output<typeof auditConfigSchema>;
