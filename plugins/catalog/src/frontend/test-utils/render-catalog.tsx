import {
  type AppLayoutProps,
  createApp,
  defineAppLayout,
  defineWebPlugin,
  type WebPlugin,
} from '@atrium/web-kernel';
import { render } from '@testing-library/react';
import { useLocation, useNavigate } from 'react-router';
import { catalogWebPlugin } from '../plugin.js';

function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <output data-testid="location">{`${location.pathname}${location.search}`}</output>
      <button type="button" onClick={() => navigate(-1)}>
        History back
      </button>
    </div>
  );
}

/** A bare layout that also shows the current URL and offers a back button, for assertions. */
const testLayoutPlugin = defineWebPlugin({
  id: 'test-layout',
  extensions: [
    defineAppLayout({
      component: ({ children }: AppLayoutProps) => (
        <>
          <LocationProbe />
          {children}
        </>
      ),
    }),
  ],
});

/**
 * Renders the real app with the catalog plugin (and any extra features) at `path`, its
 * backend at the page's origin, where `useCatalogServer` runs the real catalog.
 *
 * @example
 * const app = renderCatalogApp('/catalog');
 */
export function renderCatalogApp(
  path: string,
  options: { features?: WebPlugin[]; config?: Record<string, unknown> } = {},
) {
  const app = createApp({
    features: [testLayoutPlugin, catalogWebPlugin, ...(options.features ?? [])],
    config: { backend: { baseUrl: window.location.origin }, ...options.config },
    initialEntries: [path],
  });
  render(app.createRoot());
  return app;
}

/**
 * Loads the code of every lazy page, tab and card of the catalog, so that a test's waits
 * measure rendering and data, not the first import of a chunk (which takes seconds on a
 * loaded machine). Call it in `beforeAll`.
 *
 * @example
 * beforeAll(loadCatalogCode);
 */
export function loadCatalogCode(): Promise<void> {
  return createApp({ features: [testLayoutPlugin, catalogWebPlugin] }).preload();
}
