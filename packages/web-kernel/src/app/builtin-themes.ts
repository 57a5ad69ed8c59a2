import { darkTheme, lightTheme } from '@atrium/ui';
import { ThemeBlueprint } from '../blueprints/theme-blueprint.js';
import type { ExtensionDefinition } from '../extensions/define-extension.js';

/** The kernel's light and dark themes, `theme:app/light` and `theme:app/dark`. */
export const builtinThemes: ExtensionDefinition[] = [
  ThemeBlueprint.make({
    namespace: 'app',
    name: 'light',
    params: { theme: { id: 'light', title: 'Light', variant: 'light', theme: lightTheme } },
  }),
  ThemeBlueprint.make({
    namespace: 'app',
    name: 'dark',
    params: { theme: { id: 'dark', title: 'Dark', variant: 'dark', theme: darkTheme } },
  }),
];
