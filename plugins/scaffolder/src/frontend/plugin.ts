import { defineWebPlugin, type WebPlugin } from '@atrium/web-kernel';
import { scaffolderApiExtension } from './extensions/api-extensions.js';
import { builtinFormFields } from './extensions/form-field-extensions.js';
import { scaffolderPage } from './extensions/page-extension.js';

/**
 * The software templates UI: `page:scaffolder` at `/create` (gallery, multi-page form,
 * task page with live logs, past tasks, template editor), the scaffolder client and the
 * built-in form fields. It reads the catalog through the catalog web plugin's
 * `catalogApiRef`, so the app needs that plugin too. Other plugins add fields with
 * `FormFieldBlueprint` (they attach to `page:scaffolder`, input `formFields`).
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, scaffolderWebPlugin] });
 */
export const scaffolderWebPlugin: WebPlugin = defineWebPlugin({
  id: 'scaffolder',
  title: 'Software Templates',
  extensions: [scaffolderApiExtension, scaffolderPage, ...builtinFormFields],
});
