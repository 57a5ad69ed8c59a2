/**
 * Which exports of a shared module the host provides: `'all'`, or only the names listed
 * (for a package whose one big module would otherwise put every export on the first page).
 */
export type SharedModuleExports = 'all' | readonly string[];

/**
 * The modules every Atrium web app provides to frontend feature bundles, by import
 * specifier. A feature bundle imports these from the host instead of bundling its own
 * copy, so React, the router, MUI's theme, TanStack Query's client and the web kernel's
 * contexts are one instance. A plugin's `/frontend` entry is shared as well when the host
 * bundles that plugin (the default app: `@atrium/catalog/frontend`,
 * `@atrium/scaffolder/frontend`), so bundles can use its blueprints.
 *
 * `atrium plugin build` leaves these imports to the host; the web app's build emits one
 * module per specifier and lists them in `shared-modules.json`; the app plugin points the
 * bundles' imports at those modules.
 */
export const sharedModules: Readonly<Record<string, SharedModuleExports>> = {
  react: 'all',
  'react/jsx-runtime': 'all',
  'react-dom': 'all',
  'react-dom/client': 'all',
  // react-router is one module: sharing all of it adds 34 KB (gzip) to every first page.
  // The host renders a <BrowserRouter>, so the data-router APIs would not work anyway.
  'react-router': [
    'Link',
    'NavLink',
    'Navigate',
    'Outlet',
    'Route',
    'Routes',
    'createPath',
    'createSearchParams',
    'generatePath',
    'matchPath',
    'matchRoutes',
    'parsePath',
    'resolvePath',
    'useHref',
    'useInRouterContext',
    'useLinkClickHandler',
    'useLocation',
    'useMatch',
    'useNavigate',
    'useNavigationType',
    'useOutletContext',
    'useParams',
    'useResolvedPath',
    'useRoutes',
    'useSearchParams',
  ],
  '@tanstack/react-query': 'all',
  '@mui/material': 'all',
  '@mui/material/styles': 'all',
  // What @mui/icons-material's icons import: a bundle may bundle the icons it uses.
  '@mui/material/utils': 'all',
  '@emotion/react': 'all',
  '@emotion/styled': 'all',
  zod: 'all',
  '@atrium/errors': 'all',
  '@atrium/http-api': 'all',
  '@atrium/ui': 'all',
  '@atrium/web-kernel': 'all',
};

/** A plugin's `/frontend` entry (`@atrium/catalog/frontend`): one instance, shared by the host. */
export function isPluginFrontendEntry(specifier: string): boolean {
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*\/frontend$/i.test(specifier);
}
