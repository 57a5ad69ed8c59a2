import type { UiTheme } from '@atrium/ui';
import { defineApiRef } from './api-ref.js';

/** A theme the user can pick: an id, a title, light or dark, and the MUI theme itself. */
export interface AppTheme {
  id: string;
  title: string;
  variant: 'light' | 'dark';
  /** Applied by the app without remounting the page, so switching keeps state. */
  theme: UiTheme;
}

/** The installed themes and the user's choice, remembered across visits. */
export interface AppThemeApi {
  getThemes(): readonly AppTheme[];
  /** The theme in use; the same object until it changes. */
  getActiveTheme(): AppTheme | undefined;
  setActiveThemeId(id: string): void;
  subscribe(listener: () => void): () => void;
}

/** Ref of the app theme API. */
export const appThemeApiRef = defineApiRef<AppThemeApi>({ id: 'core.app-theme' });

const storageKey = 'atrium.theme';

function readStored(storage: Storage | undefined): string | undefined {
  try {
    return storage?.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/**
 * Creates the theme API: the stored choice wins, else the system's light/dark preference.
 *
 * @example
 * const themeApi = createAppThemeApi([lightAppTheme, darkAppTheme], window.localStorage);
 */
export function createAppThemeApi(themes: readonly AppTheme[], storage?: Storage): AppThemeApi {
  const listeners = new Set<() => void>();
  const stored = themes.find((theme) => theme.id === readStored(storage));
  const preferred = themes.find((theme) => theme.variant === (prefersDark() ? 'dark' : 'light'));
  let active = stored ?? preferred ?? themes[0];
  return {
    getThemes: () => themes,
    getActiveTheme: () => active,
    setActiveThemeId(id) {
      const next = themes.find((theme) => theme.id === id);
      if (!next || next === active) return;
      active = next;
      try {
        storage?.setItem(storageKey, id);
      } catch {
        // Blocked storage: the choice holds for this visit only.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
