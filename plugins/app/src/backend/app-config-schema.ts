import { z } from 'zod';

const frontend = { visibility: 'frontend' } as const;

/** `app.*`: Backstage's keys plus where the bundle comes from. */
export const appConfigSchema = z
  .object({
    title: z.string().min(1).default('Atrium').meta(frontend),
    baseUrl: z.url().default('http://localhost:7007').meta(frontend),
    /** Extension overrides for the web app (Backstage's `app.extensions` array). */
    extensions: z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .optional()
      .meta(frontend),
    /**
     * Frontend features to load besides the ones built into the web app: npm package names
     * or plugin folders (relative to the working directory), as in `backend.features`. Each
     * package declares its built ES module bundle in `package.json` `atrium.frontend`.
     */
    features: z.array(z.string().min(1)).default([]),
    /** The package whose `dist/` holds the built web app. */
    packageName: z.string().default('@atrium/web'),
    /** Or an explicit folder, which wins over `packageName`. */
    bundleDir: z.string().optional(),
    /** Build the bundle at startup when it is missing (development convenience). */
    buildIfMissing: z.boolean().default(true),
  })
  .prefault({});

/** Parsed `app.*`. */
export type AppConfig = z.output<typeof appConfigSchema>;
