import { z } from 'zod';
import { extensionEntrySchema } from './frontend-state.js';

/** At most this many override entries: a layout, not a data store. */
export const MAX_LAYOUT_ENTRIES = 2000;

const settingsSchema = z.union([
  z.boolean(),
  z.null(),
  z
    .object({
      disabled: z.boolean().optional(),
      attachTo: z
        .object({ id: z.string().min(1), input: z.string().min(1) })
        .strict()
        .optional(),
      config: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);

/** One override: an id (enable), or `{ <id>: false | true | { disabled?, attachTo?, config? } }`. */
const overrideEntrySchema = z.union([
  z.string().min(1).max(300),
  z
    .record(z.string().min(1).max(300), settingsSchema)
    .refine(
      (entry) => Object.keys(entry).length === 1,
      'an entry object has exactly one key: the extension id',
    ),
]);

/** Override entries, in `app.extensions` form; later entries win over the config's. */
export const layoutOverridesSchema = z.array(overrideEntrySchema).max(MAX_LAYOUT_ENTRIES);

/** The layout: the config base, the overrides saved in the UI, and who saved them. */
export const layoutSchema = z.object({
  base: z.array(extensionEntrySchema),
  overrides: z.array(extensionEntrySchema),
  /** Increases with every save; send it back to refuse overwriting someone else's save. */
  revision: z.number().int().min(0),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
});

/** A save: the new overrides, and the revision they were made from. */
export const saveLayoutSchema = z.object({
  overrides: layoutOverridesSchema,
  expectedRevision: z.number().int().min(0).optional(),
});

/** See {@link layoutSchema}. */
export type Layout = z.infer<typeof layoutSchema>;
/** See {@link saveLayoutSchema}. */
export type SaveLayout = z.infer<typeof saveLayoutSchema>;
