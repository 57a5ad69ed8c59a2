import { catalogSearchCollatorModule } from './search-collator-module.js';

export { type CatalogEntityDocument, entityToDocument } from './entity-document.js';
export { catalogSearchCollatorModule };

/** The module, for `backend.features: ['@atrium/catalog/search-collator']`. */
export default catalogSearchCollatorModule;
