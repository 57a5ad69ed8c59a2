import { techdocsSearchCollatorModule } from './search-collator-module.js';

export { techdocsSearchCollatorModule };

/** The module, for `backend.features: ['@atrium/techdocs/search-collator']`. */
export default techdocsSearchCollatorModule;
