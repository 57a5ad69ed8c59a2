import { Progress } from '@atrium/ui';
import { isValidElement, type ReactElement, useEffect, useState } from 'react';

/** Loads what an extension renders, e.g. `() => import('./pages/catalog-page.js').then((m) => <m.CatalogPage />)`. */
export type ElementLoader = () => Promise<ReactElement>;

type LoadState = { element?: ReactElement; error?: unknown };

let lazyCount = 0;

/** One loader's download, shared by every render of its element. */
class LazySource {
  loaded: ReactElement | undefined;
  private pending: Promise<ReactElement> | undefined;
  constructor(private readonly loader: ElementLoader) {}

  load(): Promise<ReactElement> {
    this.pending ??= this.loader().then(
      (element) => {
        this.loaded = element;
        return element;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  /** Settles once the code is loaded or failed to load (the render shows the failure). */
  preload(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return this.load().then(
      () => undefined,
      () => undefined,
    );
  }
}

function LazyLoaded({ source }: { source: LazySource }) {
  const [state, setState] = useState<LoadState>(() => {
    // Start the download during the first render, not after the commit.
    void source.preload();
    return { element: source.loaded };
  });
  useEffect(() => {
    if (state.element || state.error !== undefined) return;
    let live = true;
    source.load().then(
      (element) => live && setState({ element }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [source, state]);
  if (state.error !== undefined) throw state.error;
  return state.element ?? <Progress />;
}

/**
 * Starts downloading what a {@link lazyElement} renders, before it is rendered, so a page
 * can fetch its data and its active tab's code at the same time. Other elements are ignored.
 * The promise settles once the code is there (or failed to load); awaiting it is optional.
 *
 * @example
 * preloadElement(activeTab.output.element);
 */
export function preloadElement(element: ReactElement): Promise<void> {
  const props = (element.props ?? {}) as { source?: LazySource; children?: unknown };
  if (element.type === LazyLoaded && props.source) return props.source.preload();
  // The kernel wraps each extension's element in its error boundary: look inside.
  if (isValidElement(props.children)) return preloadElement(props.children);
  return Promise.resolve();
}

/**
 * Turns a loader into an element that loads on first render (its own code-split chunk)
 * and shows a spinner meanwhile; once loaded it renders at once, spinner-free.
 *
 * Deliberately not `React.lazy` + `Suspense`: React holds back each Suspense boundary's
 * reveal for up to 300 ms after a fallback, and a page, its tab and its cards are three
 * nested loaders, which cost ~0.9 s per entity page. A failed load is thrown to the
 * extension's error boundary and forgotten, so its Retry loads again.
 *
 * @example
 * const element = lazyElement(() => import('./catalog-page.js').then((m) => <m.CatalogPage />));
 */
export function lazyElement(loader: ElementLoader): ReactElement {
  // Its own key: two lazy elements at one position (the pages of a route switch) must not
  // share the state of whichever rendered first.
  return <LazyLoaded key={`lazy-${++lazyCount}`} source={new LazySource(loader)} />;
}
