/** Topics the techdocs plugin publishes on the events service (search listens to keep its index fresh). */
export const TECHDOCS_EVENT_TOPICS = { siteBuilt: 'techdocs.site.built' } as const;

/** Payload of `techdocs.site.built`: which pages changed or went away in a build. */
export interface TechDocsBuiltEvent {
  entityRef: string;
  updatedPages: string[];
  removedPages: string[];
}
