import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';

/** `plugins.*` config. */
export const pluginsConfigSchema = z
  .object({
    /** Where packages are unpacked to load them (never readable through the urlReader: keep it out of file roots). */
    directory: z.string().min(1).default('./data/plugins'),
    /** Folders whose built plugin packages may be installed by path (the `folder` source). */
    allowedRoots: z.array(z.string().min(1)).default([]),
    registry: z
      .object({
        /** The npm registry for the `registry` source, e.g. https://npm.example.com/ */
        url: z.url(),
        /** Bearer token sent to that registry (and only to its origin). */
        token: z.string().min(1).optional(),
      })
      .optional(),
    /** Largest accepted package tarball, in bytes. */
    maxTarballBytes: z
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    /** How often each backend re-reads the desired state besides reacting to events. */
    resyncInterval: durationSchema.default({ seconds: 30 }),
    /** This backend's id in per-backend status; host name, process id and a random part when unset. */
    backendId: z.string().min(1).max(200).optional(),
  })
  .prefault({});

/** Parsed `plugins.*` config. */
export type PluginsConfig = z.output<typeof pluginsConfigSchema>;
