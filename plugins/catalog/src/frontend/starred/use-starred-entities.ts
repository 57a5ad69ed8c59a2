import { useApi } from '@atrium/web-kernel';
import { useSyncExternalStore } from 'react';
import { starredEntitiesApiRef } from './starred-entities-api.js';

/** What {@link useStarredEntities} returns. */
export interface StarredEntities {
  starredRefs: readonly string[];
  isStarred(entityRef: string): boolean;
  toggleStarred(entityRef: string): void;
}

/**
 * The user's starred entities, updating whenever they change (in this tab or another).
 * Every star button and the index filter read the app's one starred entities API, so they agree.
 *
 * @example
 * const { isStarred, toggleStarred } = useStarredEntities();
 */
export function useStarredEntities(): StarredEntities {
  const starred = useApi(starredEntitiesApiRef);
  const starredRefs = useSyncExternalStore(starred.subscribe, starred.getSnapshot);
  return {
    starredRefs,
    isStarred: (ref) => starredRefs.includes(ref.toLocaleLowerCase('en-US')),
    toggleStarred: starred.toggle,
  };
}
