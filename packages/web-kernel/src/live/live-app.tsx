import { type ReactElement, useSyncExternalStore } from 'react';
import { type AtriumApp, createApp } from '../app/create-app.js';
import { createAppTreeApi } from '../app/create-app-tree-api.js';
import { type FeatureBundle, loadFeatureBundles, readListedBundles } from '../app/load-feature-bundles.js';
import type { WebPlugin } from '../extensions/define-web-plugin.js';
import type { LiveFrontendState } from './frontend-state-client.js';
import { RemovedPagesContext } from './removed-pages.js';

/** Options of {@link startLiveApp}. */
export interface StartLiveAppOptions {
  /** The plugins built into the web app. */
  features: readonly WebPlugin[];
  /** The frontend config; each applied state replaces its `app.extensions`. */
  config: Record<string, unknown>;
  /** The bundles to start with; default: the list index.html carries. */
  bundles?: readonly FeatureBundle[];
  importModule?: (url: string) => Promise<Record<string, unknown>>;
}

/** An app that follows the frontend state: `apply` rebuilds it in place, without a reload. */
export interface LiveApp {
  /** Renders whichever app is current. */
  readonly element: ReactElement;
  current(): AtriumApp;
  /** Loads the state's bundles and rebuilds the app with its `app.extensions`; older applies that finish later are dropped. */
  apply(state: Pick<LiveFrontendState, 'features' | 'extensions'>): Promise<void>;
  /** Shows a draft layout instead of the pushed one (the layout editor's preview); `undefined` ends it. */
  previewExtensions(extensions: unknown[] | undefined): Promise<void>;
}

interface Snapshot {
  app: AtriumApp;
  removed: ReadonlySet<string>;
  /** What the app was built from, to skip states that change nothing. */
  key: string;
}

/** Where {@link LiveRoot} reads the current app. */
interface SnapshotStore {
  subscribe(listener: () => void): () => void;
  get(): Snapshot;
}

function LiveRoot({ store }: { store: SnapshotStore }) {
  const current = useSyncExternalStore(store.subscribe, store.get);
  return (
    <RemovedPagesContext.Provider value={current.removed}>
      {current.app.createRoot()}
    </RemovedPagesContext.Provider>
  );
}

const pathsOf = (app: AtriumApp) =>
  new Set(
    createAppTreeApi(app.tree)
      .getPages()
      .map((p) => p.path),
  );

// A page that went away is remembered (for the notice) until it comes back.
function removedPages(previous: Snapshot, next: AtriumApp): Set<string> {
  const before = pathsOf(previous.app);
  const after = pathsOf(next);
  const removed = new Set([...previous.removed].filter((path) => !after.has(path)));
  for (const path of before) if (!after.has(path)) removed.add(path);
  return removed;
}

function withExtensions(config: Record<string, unknown>, extensions: unknown[] | undefined) {
  if (extensions === undefined) return config;
  const app = (typeof config.app === 'object' && config.app !== null ? config.app : {}) as Record<
    string,
    unknown
  >;
  return { ...config, app: { ...app, extensions } };
}

async function build(
  options: StartLiveAppOptions,
  bundles: readonly FeatureBundle[],
  extensions?: unknown[],
  fromPage = false,
) {
  // From the page, the loader reads the list itself, so a broken block is reported.
  const loaded = await loadFeatureBundles({
    bundles: fromPage ? undefined : bundles,
    importModule: options.importModule,
  });
  const config = withExtensions(options.config, extensions);
  const app = createApp({
    features: [...options.features, ...loaded.features],
    config,
    diagnostics: loaded.diagnostics,
  });
  const key = JSON.stringify({
    urls: bundles.map((b) => b.url),
    extensions: (config.app as { extensions?: unknown })?.extensions ?? [],
  });
  return { app, key };
}

// The page's own list; a broken block is reported by the first load and counts as none.
function readPageBundles(): FeatureBundle[] {
  try {
    return readListedBundles(globalThis.document);
  } catch {
    return [];
  }
}

/**
 * Builds the app from the page's bundles and config, and keeps it live: each frontend state
 * the backend pushes (see `subscribeFrontendState`) loads new bundles, drops disabled ones and
 * rebuilds the tree with the new `app.extensions`, while the router stays on the current URL.
 * A page removed under the user shows "This page was removed by an administrator".
 *
 * @example
 * const live = await startLiveApp({ features, config: await loadAppConfig() });
 * subscribeFrontendState((state) => void live.apply(state));
 * createRoot(el).render(live.element);
 */
export async function startLiveApp(options: StartLiveAppOptions): Promise<LiveApp> {
  const first = await build(
    options,
    options.bundles ?? readPageBundles(),
    undefined,
    options.bundles === undefined,
  );
  let snapshot: Snapshot = { app: first.app, removed: new Set(), key: first.key };
  const listeners = new Set<() => void>();
  let seq = 0;
  let pushed: Pick<LiveFrontendState, 'features' | 'extensions'> | undefined;
  let draft: unknown[] | undefined;
  const rebuild = async () => {
    const token = ++seq;
    const bundles = pushed?.features ?? options.bundles ?? readPageBundles();
    const next = await build(options, bundles, draft ?? pushed?.extensions);
    if (token !== seq || next.key === snapshot.key) return;
    snapshot = { app: next.app, removed: removedPages(snapshot, next.app), key: next.key };
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const store: SnapshotStore = { subscribe, get: () => snapshot };
  return {
    element: <LiveRoot store={store} />,
    current: () => snapshot.app,
    apply(state) {
      pushed = state;
      return rebuild();
    },
    previewExtensions(extensions) {
      draft = extensions;
      return rebuild();
    },
  };
}
