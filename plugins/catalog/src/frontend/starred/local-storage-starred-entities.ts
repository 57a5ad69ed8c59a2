import type { StarredEntitiesApi } from './starred-entities-api.js';

/** Where starred entities are kept; shared by every tab of the browser. */
export const starredStorageKey = 'atrium.catalog.starred';

function read(storage: Storage | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(starredStorageKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((ref): ref is string => typeof ref === 'string') : [];
  } catch {
    // A corrupt value must not break the catalog; it is replaced on the next toggle.
    return [];
  }
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage access throws when the browser blocks site data; starring then lasts the session.
    return undefined;
  }
}

/**
 * Creates the starred entities API over localStorage, shared by every tab of the browser:
 * changes made in another tab arrive through the `storage` event.
 *
 * @example
 * const starred = createLocalStorageStarredEntities();
 * starred.toggle('component:default/petstore');
 */
export function createLocalStorageStarredEntities(
  storage: Storage | undefined = defaultStorage(),
): StarredEntitiesApi {
  let snapshot: readonly string[] = read(storage);
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== starredStorageKey) return;
    snapshot = read(storage);
    emit();
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
      };
    },
    isStarred: (entityRef) => snapshot.includes(entityRef.toLocaleLowerCase('en-US')),
    toggle(entityRef) {
      const ref = entityRef.toLocaleLowerCase('en-US');
      snapshot = snapshot.includes(ref) ? snapshot.filter((r) => r !== ref) : [...snapshot, ref];
      try {
        storage?.setItem(starredStorageKey, JSON.stringify(snapshot));
      } catch (error) {
        console.warn('Atrium: could not save starred entities; they last until the page reloads', error);
      }
      emit();
    },
  };
}
