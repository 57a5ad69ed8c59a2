import { useSyncExternalStore } from 'react';
import { createStarredEntitiesStore, type StarredEntitiesStore } from './starred-entities.js';

let sharedStore: StarredEntitiesStore | undefined;

// One store per page load: every star button and the index filter must agree at once.
function store(): StarredEntitiesStore {
  sharedStore ??= createStarredEntitiesStore();
  return sharedStore;
}

/** What {@link useStarredEntities} returns. */
export interface StarredEntities {
  starredRefs: readonly string[];
  isStarred(entityRef: string): boolean;
  toggleStarred(entityRef: string): void;
}

/**
 * The user's starred entities, updating whenever they change (in this tab or another).
 *
 * @example
 * const { isStarred, toggleStarred } = useStarredEntities();
 */
export function useStarredEntities(): StarredEntities {
  const current = store();
  const starredRefs = useSyncExternalStore(current.subscribe, current.getSnapshot);
  return {
    starredRefs,
    isStarred: (ref) => starredRefs.includes(ref.toLocaleLowerCase('en-US')),
    toggleStarred: current.toggle,
  };
}

/** Forgets the shared store so the next use re-reads storage (tests clear localStorage between runs). */
export function resetStarredEntitiesForTests(): void {
  sharedStore = undefined;
}
