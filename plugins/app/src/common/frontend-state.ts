import { z } from 'zod';

/** One `app.extensions` entry: an id, or `{ <id>: false | true | { disabled?, attachTo?, config? } }`. */
export const extensionEntrySchema = z.union([z.string().min(1), z.record(z.string(), z.unknown())]);

/** A frontend feature bundle the page loads (from `app.features` or a runtime source). */
export const featureBundleSchema = z.object({
  name: z.string(),
  url: z.string(),
  integrity: z.string().optional(),
});

/**
 * What the web app runs: the feature bundles to load and the effective `app.extensions`
 * (config base, then the layout overrides saved in the UI). Equal states have equal
 * revisions on every backend.
 */
export const frontendStateSchema = z.object({
  revision: z.string(),
  features: z.array(featureBundleSchema),
  extensions: z.array(extensionEntrySchema),
});

/** See {@link frontendStateSchema}. */
export type FrontendState = z.infer<typeof frontendStateSchema>;
/** See {@link extensionEntrySchema}. */
export type ExtensionEntry = z.infer<typeof extensionEntrySchema>;
