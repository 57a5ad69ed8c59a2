import type { AppTheme } from '../apis/app-theme-api.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineBlueprint } from '../extensions/define-blueprint.js';

/**
 * A theme the user can switch to, attached to `app`'s `themes`.
 *
 * @example
 * ThemeBlueprint.make({ name: 'dark', params: { theme: { id: 'dark', title: 'Dark', variant: 'dark', theme: darkTheme } } });
 */
export const ThemeBlueprint = defineBlueprint({
  kind: 'theme',
  attachTo: { id: 'app', input: 'themes' },
  output: { theme: coreExtensionData.theme },
  factory: (params: { theme: AppTheme }) => ({ theme: params.theme }),
});
