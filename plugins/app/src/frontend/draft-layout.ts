import type { AppNodeInfo } from '@atrium/web-kernel';
import type { ExtensionEntry } from '../common/frontend-state.js';

/** The settings of one extension's entry: `disabled`, `attachTo`, `config`. */
export type EntrySettings = {
  disabled?: boolean;
  attachTo?: { id: string; input: string };
  config?: Record<string, unknown>;
};

/** A draft of the overrides: one entry per extension, in order (the order is the layout's). */
export type Draft = ReadonlyMap<string, EntrySettings>;

function settingsOf(entry: ExtensionEntry): [string, EntrySettings] | undefined {
  if (typeof entry === 'string') return [entry, { disabled: false }];
  const [pair] = Object.entries(entry);
  if (!pair || Object.keys(entry).length !== 1) return undefined;
  const [id, value] = pair;
  if (value === true || value === null) return [id, { disabled: false }];
  if (value === false) return [id, { disabled: true }];
  return typeof value === 'object' && !Array.isArray(value)
    ? [id, { ...(value as EntrySettings) }]
    : undefined;
}

/** Reads entries as the web app does: later entries win per key and move the extension to their position. */
export function toDraft(...lists: readonly (readonly ExtensionEntry[])[]): Map<string, EntrySettings> {
  const draft = new Map<string, EntrySettings>();
  for (const entry of lists.flat()) {
    const parsed = settingsOf(entry);
    if (!parsed) continue;
    const previous = draft.get(parsed[0]);
    draft.delete(parsed[0]);
    draft.set(parsed[0], { ...previous, ...parsed[1] });
  }
  return draft;
}

/** The draft as `app.extensions` entries, to save. */
export function draftEntries(draft: Draft): Record<string, EntrySettings>[] {
  return [...draft].map(([id, settings]) => ({ [id]: settings }));
}

/** The draft with one extension's settings changed (it keeps its position). */
export function updateSettings(draft: Draft, id: string, change: EntrySettings): Map<string, EntrySettings> {
  const next = new Map(draft);
  next.set(id, { ...draft.get(id), ...change });
  return next;
}

/** The draft with a group's extensions listed in `order`, after every other entry. */
export function reorder(draft: Draft, order: readonly string[]): Map<string, EntrySettings> {
  const next = new Map(draft);
  for (const id of order) next.delete(id);
  for (const id of order) next.set(id, draft.get(id) ?? {});
  return next;
}

/** One place extensions attach to (an input of a parent), with its extensions in layout order. */
export interface LayoutGroup {
  key: string;
  title: string;
  /** Entity tabs and cards: filterable per entity kind. */
  perKind: boolean;
  items: AppNodeInfo[];
}

const titles: Record<string, string> = {
  'app/layout#routes': 'Pages',
  'app/layout#nav': 'Navigation items',
  'page:catalog/entity#tabs': 'Entity tabs',
  'entity-tab:catalog/overview#cards': 'Entity cards (Overview tab)',
};
const hiddenInputs = new Set(['apis', 'themes', 'root', 'layout', 'signInPage']);

/**
 * Groups the app's extensions by where they attach, each group in the order the layout gives
 * (extensions with an entry first, by its position; the rest as declared), as the app sorts them.
 */
export function groupExtensions(nodes: readonly AppNodeInfo[], effective: Draft): LayoutGroup[] {
  const position = new Map([...effective.keys()].map((id, index) => [id, index]));
  const groups = new Map<string, LayoutGroup>();
  for (const node of nodes) {
    const attachTo = effective.get(node.id)?.attachTo ?? node.attachTo;
    if (!attachTo || hiddenInputs.has(attachTo.input)) continue;
    const key = `${attachTo.id}#${attachTo.input}`;
    const group = groups.get(key) ?? {
      key,
      title: titles[key] ?? `${attachTo.id} › ${attachTo.input}`,
      perKind: key.endsWith('#tabs') || key.endsWith('#cards'),
      items: [],
    };
    group.items.push(node);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const declared = new Map(group.items.map((node, index) => [node.id, index]));
    const rank = (id: string) => position.get(id) ?? Number.POSITIVE_INFINITY;
    group.items.sort(
      (a, b) => rank(a.id) - rank(b.id) || (declared.get(a.id) ?? 0) - (declared.get(b.id) ?? 0),
    );
  }
  return [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** The entity kinds an extension's config limits it to (`config.filter.kind`); empty: every kind. */
export function kindsOf(config: unknown): string[] {
  const kind = (config as { filter?: { kind?: unknown } } | undefined)?.filter?.kind;
  if (typeof kind === 'string') return [kind];
  return Array.isArray(kind) ? kind.filter((k): k is string => typeof k === 'string') : [];
}
