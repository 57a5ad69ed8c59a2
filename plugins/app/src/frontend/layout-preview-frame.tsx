import { useCallback, useEffect, useRef } from 'react';

/**
 * The live preview: the app in a frame (`?layoutPreview`), showing the draft layout this page
 * posts to it. The draft goes only to this same-origin frame; nothing is saved or shared.
 */
export function LayoutPreviewFrame({ extensions, path }: { extensions: unknown[]; path: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef(extensions);
  latest.current = extensions;
  const post = useCallback(
    () =>
      frame.current?.contentWindow?.postMessage(
        { type: 'atrium.layout-preview', extensions: latest.current },
        window.location.origin,
      ),
    [],
  );
  useEffect(() => {
    // The frame says when it listens (after each load of its app).
    const onReady = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      if ((event.data as { type?: string } | null)?.type === 'atrium.layout-preview-ready') post();
    };
    window.addEventListener('message', onReady);
    return () => window.removeEventListener('message', onReady);
  }, [post]);
  // Each new draft goes to the frame (the draft is a new array per change).
  const draftKey = JSON.stringify(extensions);
  useEffect(() => {
    if (draftKey) post();
  }, [draftKey, post]);
  const src = `${path}${path.includes('?') ? '&' : '?'}layoutPreview=1`;
  return (
    <iframe
      ref={frame}
      title="Layout preview"
      src={src}
      style={{ width: '100%', height: 640, border: '1px solid rgba(127,127,127,.4)', borderRadius: 8 }}
    />
  );
}
