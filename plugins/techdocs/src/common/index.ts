export { techdocsPermissionList, techdocsPermissions, type TechDocsPermission } from './permissions.js';
export { MAX_INDEXABLE_PAGES, techdocsApi } from './techdocs-api.js';
export {
  type BuildStatus,
  type DocumentedEntity,
  type IndexablePage,
  type NavEntry,
  type Site,
  type SitePage,
  type TechDocsMetadata,
  type TocEntry,
} from './techdocs-types.js';
export { staticPageFile } from './static-page-file.js';
export { TECHDOCS_EVENT_TOPICS, type TechDocsBuiltEvent } from './techdocs-events.js';
