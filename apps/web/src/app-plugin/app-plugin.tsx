import { NotFoundPage } from '@atrium/ui';
import {
  coreExtensionData,
  defineExtension,
  defineWebPlugin,
  PageBlueprint,
  SignInPageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import { appLayout } from './app-layout.js';

/**
 * The app's own extensions: the shell layout, the sign-in page, the home page, the
 * settings page and the not-found page. Each can be disabled or reconfigured by id in `app.extensions`.
 */
export const appPlugin: WebPlugin = defineWebPlugin({
  id: 'app',
  title: 'App',
  extensions: [
    appLayout,
    SignInPageBlueprint.make({
      params: { loader: () => import('./sign-in-page.js').then((m) => <m.SignInPage />) },
    }),
    PageBlueprint.make({
      name: 'home',
      params: {
        path: '/',
        title: 'Home',
        icon: HomeOutlined,
        loader: () => import('./home-page.js').then((m) => <m.HomePage />),
      },
    }),
    // Reached from the user menu, so it has no title (no entry in the navigation).
    PageBlueprint.make({
      name: 'settings',
      params: {
        path: '/settings',
        loader: () => import('./settings-page.js').then((m) => <m.SettingsPage />),
      },
    }),
    defineExtension({
      kind: 'not-found-page',
      attachTo: { id: 'app/layout', input: 'notFoundPage' },
      output: { element: coreExtensionData.reactElement },
      factory: () => ({ element: <NotFoundPage /> }),
    }),
  ],
});
