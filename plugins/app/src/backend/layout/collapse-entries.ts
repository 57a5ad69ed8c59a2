import type { ExtensionEntry } from '../../common/frontend-state.js';

type Settings = Record<string, unknown>;

function settingsOf(entry: ExtensionEntry): [string, Settings] | undefined {
  if (typeof entry === 'string') return [entry, { disabled: false }];
  const pairs = Object.entries(entry);
  if (pairs.length !== 1) return undefined;
  const [id, value] = pairs[0] as [string, unknown];
  if (value === true || value === null) return [id, { disabled: false }];
  if (value === false) return [id, { disabled: true }];
  if (typeof value === 'object' && !Array.isArray(value)) return [id, { ...(value as Settings) }];
  return undefined;
}

function entryOf(id: string, settings: Settings): ExtensionEntry {
  const keys = Object.keys(settings);
  if (keys.length === 1 && keys[0] === 'disabled') return settings.disabled ? { [id]: false } : id;
  return { [id]: settings };
}

/**
 * Layers `app.extensions` lists as the web app reads them (later entries win per key, and an
 * extension takes the position of its last entry) into one entry per extension: the config
 * base plus the UI overrides, written as one list an `app-config.yaml` can hold. Entries the
 * web app would reject are kept as they are, for it to report.
 *
 * @example
 * collapseEntries(['page:a', 'page:b'], [{ 'page:a': { config: { title: 'A' } } }]);
 * // ['page:b', { 'page:a': { disabled: false, config: { title: 'A' } } }]
 */
export function collapseEntries(...lists: readonly (readonly ExtensionEntry[])[]): ExtensionEntry[] {
  const merged = new Map<string, Settings>();
  const invalid: ExtensionEntry[] = [];
  for (const entry of lists.flat()) {
    const parsed = settingsOf(entry);
    if (!parsed) {
      invalid.push(entry);
      continue;
    }
    const [id, settings] = parsed;
    const previous = merged.get(id);
    merged.delete(id);
    merged.set(id, { ...previous, ...settings });
  }
  return [...[...merged].map(([id, settings]) => entryOf(id, settings)), ...invalid];
}
