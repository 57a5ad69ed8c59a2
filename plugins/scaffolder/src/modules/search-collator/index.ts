import { templateSearchCollatorModule } from './search-collator-module.js';

export { TEMPLATE_DOCUMENT_TYPE } from './template-collator.js';
export { type TemplateDocument, templateToDocument } from './template-document.js';
export { templateSearchCollatorModule };

/** The module, for `backend.features: ['@atrium/scaffolder/search-collator']`. */
export default templateSearchCollatorModule;
