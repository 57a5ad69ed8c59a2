export { techdocsPermissionList, techdocsPermissions } from './permissions.js';
export { staticPageFile } from './static-page-file.js';
export { MAX_INDEXABLE_PAGES, techdocsApi } from './techdocs-api.js';
export { TECHDOCS_EVENT_TOPICS, type TechDocsBuiltEvent } from './techdocs-events.js';
export type {
  BuildStatus,
  DocumentedEntity,
  IndexablePage,
  NavEntry,
  Site,
  SitePage,
  TechDocsMetadata,
  TocEntry,
} from './techdocs-types.js';
