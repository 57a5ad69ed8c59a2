import { z } from 'zod';

/** One entry of a site's navigation: a page (`path`) or a section (`children`). */
export interface NavEntry {
  title: string;
  /** The page's path inside the site, without `.md` (`index`, `guide/install`). */
  path?: string;
  children?: NavEntry[];
}

export const navEntrySchema: z.ZodType<NavEntry> = z.lazy(() =>
  z.object({
    title: z.string(),
    path: z.string().optional(),
    children: z.array(navEntrySchema).optional(),
  }),
);

/** One heading of a page's table of contents. */
export const tocEntrySchema = z.object({ id: z.string(), title: z.string(), level: z.number() });
export type TocEntry = z.infer<typeof tocEntrySchema>;

/** Backstage's `techdocs_metadata.json`, plus the build state Atrium keeps. */
export const techdocsMetadataSchema = z.object({
  site_name: z.string(),
  site_description: z.string(),
  etag: z.string(),
  build_timestamp: z.number(),
  files: z.array(z.string()).optional(),
});
export type TechDocsMetadata = z.infer<typeof techdocsMetadataSchema>;

/** One page as the reader lists it. */
export const sitePageSchema = z.object({
  path: z.string(),
  title: z.string(),
  toc: z.array(tocEntrySchema),
  editUrl: z.string().optional(),
  /** Plain text, cut to a few thousand characters, for the reader's in-docs search. */
  text: z.string(),
});
export type SitePage = z.infer<typeof sitePageSchema>;

/** Build state of one entity's docs. */
export const buildStatusSchema = z.enum(['pending', 'building', 'built', 'failed']);
export type BuildStatus = z.infer<typeof buildStatusSchema>;

/** Everything the reader needs about a site, except the pages' HTML. */
export const siteSchema = z.object({
  entityRef: z.string(),
  siteName: z.string(),
  siteDescription: z.string(),
  status: buildStatusSchema,
  buildTimestamp: z.number().nullable(),
  /** The last build's log: warnings (missing nav files, unknown plugins) and errors. */
  log: z.array(z.string()),
  error: z.string().nullable(),
  nav: z.array(navEntrySchema),
  pages: z.array(sitePageSchema),
  /** The version shown: `latest` (the source the annotation names) or a branch or tag name. */
  version: z.string(),
  /** Versions of the docs that were built, `latest` first, then tags and branches (newest-looking first). */
  versions: z.array(z.string()),
});
export type Site = z.infer<typeof siteSchema>;

/** A documented entity, for the docs index page. */
export const documentedEntitySchema = z.object({
  entityRef: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  owner: z.string().optional(),
  siteName: z.string(),
  status: buildStatusSchema,
  buildTimestamp: z.number().nullable(),
});
export type DocumentedEntity = z.infer<typeof documentedEntitySchema>;

/** One built page as search collates it (Backstage's IndexableDocument for type `techdocs`). */
export const indexablePageSchema = z.object({
  title: z.string(),
  text: z.string(),
  location: z.string(),
  entityRef: z.string(),
  path: z.string(),
  authorization: z.object({ resourceRef: z.string() }),
});
export type IndexablePage = z.infer<typeof indexablePageSchema>;
