/** Listeners for changes of the frontend bundles this backend serves (the app's feature source subscribes). */
export function createFrontendChanges() {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
