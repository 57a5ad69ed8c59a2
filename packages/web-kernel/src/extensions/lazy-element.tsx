import { Progress } from '@atrium/ui';
import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';

/** Loads what an extension renders, e.g. `() => import('./pages/catalog-page.js').then((m) => <m.CatalogPage />)`. */
export type ElementLoader = () => Promise<ReactElement>;

/**
 * Turns a loader into an element that loads on first render (its own code-split chunk)
 * and shows a spinner meanwhile. A failed load is forgotten, so the error boundary's
 * Retry loads again instead of repeating the failure that `React.lazy` caches.
 *
 * @example
 * const element = lazyElement(() => import('./catalog-page.js').then((m) => <m.CatalogPage />));
 */
export function lazyElement(loader: ElementLoader): ReactElement {
  const createLazy = (): ComponentType =>
    lazy(() =>
      loader().then(
        (element) => ({ default: () => element }),
        (error: unknown) => {
          Loaded = createLazy();
          throw error;
        },
      ),
    );
  let Loaded = createLazy();
  // Reads `Loaded` at render time, so a Retry after a failure renders the fresh loader.
  // biome-ignore lint/correctness/noComponentHookFactories: one component per element, created once, never per render
  const LoadedElement = () => <Loaded />;
  return (
    <Suspense fallback={<Progress />}>
      <LoadedElement />
    </Suspense>
  );
}
