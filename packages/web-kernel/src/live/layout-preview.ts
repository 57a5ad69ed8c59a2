import type { LiveApp } from './live-app.js';

/** The message the layout editor posts to its preview frame. */
export interface LayoutPreviewMessage {
  type: 'atrium.layout-preview';
  /** The draft's effective `app.extensions`. */
  extensions: unknown[];
}

/** Whether this page was opened as the layout editor's preview (`?layoutPreview`). */
export function isLayoutPreview(location: Pick<Location, 'search'> = globalThis.location): boolean {
  return new URLSearchParams(location.search).has('layoutPreview');
}

/**
 * Makes this app the layout editor's preview: it shows the draft `app.extensions` its parent
 * frame posts, instead of the saved layout. Only the parent window of the same origin is
 * listened to, so the draft exists only in the editor's own browser; nothing is stored.
 * Tells the parent it is ready; returns the stop.
 *
 * @example
 * if (isLayoutPreview()) followLayoutPreview(live);
 */
export function followLayoutPreview(
  live: Pick<LiveApp, 'previewExtensions'>,
  win: Window = window,
): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== win.location.origin || event.source !== win.parent || win.parent === win) return;
    const data = event.data as Partial<LayoutPreviewMessage> | null;
    if (data?.type !== 'atrium.layout-preview' || !Array.isArray(data.extensions)) return;
    void live.previewExtensions(data.extensions);
  };
  win.addEventListener('message', onMessage);
  if (win.parent !== win)
    win.parent.postMessage({ type: 'atrium.layout-preview-ready' }, win.location.origin);
  return () => win.removeEventListener('message', onMessage);
}
