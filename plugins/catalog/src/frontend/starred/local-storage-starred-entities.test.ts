// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalStorageStarredEntities, starredStorageKey } from './local-storage-starred-entities.js';

beforeEach(() => localStorage.clear());

describe('starred entities in localStorage', () => {
  it('toggles lowercased refs, persists them and notifies subscribers', () => {
    const store = createLocalStorageStarredEntities(localStorage);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.toggle('Component:default/Petstore');
    expect(store.getSnapshot()).toEqual(['component:default/petstore']);
    expect(store.isStarred('component:default/PETSTORE')).toBe(true);
    expect(JSON.parse(localStorage.getItem(starredStorageKey) ?? '')).toEqual(['component:default/petstore']);
    store.toggle('component:default/petstore');
    expect(store.getSnapshot()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('survives corrupt storage and follows changes made in another tab', () => {
    localStorage.setItem(starredStorageKey, '{not json');
    const store = createLocalStorageStarredEntities(localStorage);
    expect(store.getSnapshot()).toEqual([]);
    const listener = vi.fn();
    store.subscribe(listener);
    localStorage.setItem(starredStorageKey, JSON.stringify(['api:default/x', 42]));
    window.dispatchEvent(new StorageEvent('storage', { key: starredStorageKey }));
    expect(store.getSnapshot()).toEqual(['api:default/x']);
    expect(listener).toHaveBeenCalledOnce();
  });
});
