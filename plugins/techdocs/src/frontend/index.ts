export {
  createTechDocsClient,
  type DocsEntityName,
  type TechDocsApi,
  techdocsApiRef,
} from './api/techdocs-client.js';
export { techdocsWebPlugin } from './plugin.js';
export { TechDocsReader, type TechDocsReaderProps } from './reader/techdocs-reader.js';
export { DocsSearchResult, techdocsSearchWebPlugin } from './search/docs-search-result.js';
