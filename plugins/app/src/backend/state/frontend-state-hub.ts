import { createHash } from 'node:crypto';
import type { ExtensionEntry, FrontendState } from '../../common/frontend-state.js';
import type { LoadedFeatureBundle } from '../features/load-feature-bundle.js';

/** The current frontend state, and who to tell when it changes. */
export interface FrontendStateHub {
  current(): FrontendState;
  /** Recomputes the state; listeners hear of it only when its revision changed. */
  refresh(): Promise<void>;
  /** Calls `listener` with each new state; returns the unsubscribe. */
  subscribe(listener: (state: FrontendState) => void): () => void;
}

/** Where the parts of the state come from, read on every refresh. */
export interface FrontendStateParts {
  features(): readonly LoadedFeatureBundle[];
  extensions(): Promise<readonly ExtensionEntry[]>;
}

/** A revision from the content: every backend computes the same one for the same state. */
export function stateRevision(state: Omit<FrontendState, 'revision'>): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16);
}

/**
 * Holds the frontend state the app serves and pushes (SSE) to open browsers.
 *
 * @example
 * const hub = await createFrontendStateHub(parts);
 * const stop = hub.subscribe((state) => send(state));
 */
export async function createFrontendStateHub(parts: FrontendStateParts): Promise<FrontendStateHub> {
  const listeners = new Set<(state: FrontendState) => void>();
  const compute = async (): Promise<FrontendState> => {
    const features = parts.features().map((b) => ({ name: b.name, url: b.entryUrl, integrity: b.integrity }));
    const extensions = [...(await parts.extensions())];
    return { revision: stateRevision({ features, extensions }), features, extensions };
  };
  let state = await compute();
  // Refreshes run one after another, so an older computation never replaces a newer one.
  let queue: Promise<void> = Promise.resolve();
  const refreshOnce = async () => {
    const next = await compute();
    if (next.revision === state.revision) return;
    state = next;
    for (const listener of listeners) listener(state);
  };
  return {
    current: () => state,
    refresh() {
      const run = queue.then(refreshOnce);
      queue = run.catch(() => undefined);
      return run;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
