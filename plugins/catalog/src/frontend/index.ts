export { type CatalogApi, catalogApiRef } from './api/catalog-api.js';
export { catalogWebPlugin } from './plugin.js';
