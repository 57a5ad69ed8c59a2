import type { TechDocsApi } from '../api/techdocs-client.js';

/**
 * Draws the page's `<pre class="mermaid">` blocks with the mermaid package, loaded only
 * when a page has one. `securityLevel: 'strict'` keeps diagram labels as text and turns
 * off click handlers: the diagram source is untrusted like the rest of the page.
 */
export async function renderMermaid(root: HTMLElement, dark: boolean): Promise<void> {
  const nodes = [...root.querySelectorAll<HTMLElement>('pre.mermaid:not([data-processed])')];
  if (nodes.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  await mermaid.run({ nodes, suppressErrors: true });
}

/**
 * Images are served to signed-in callers only, and an `<img>` request carries no bearer
 * token: each image of the site is fetched with the token and shown as a data: URL.
 */
export async function loadImages(root: HTMLElement, api: TechDocsApi): Promise<void> {
  const images = [...root.querySelectorAll<HTMLImageElement>('img[src^="/api/techdocs/static/"]')];
  await Promise.all(
    images.map(async (img) => {
      const src = img.getAttribute('src') ?? '';
      img.removeAttribute('src');
      const dataUrl = await api.getImageDataUrl(src).catch(() => undefined);
      if (dataUrl) img.setAttribute('src', dataUrl);
      else img.setAttribute('alt', `${img.alt || src} (could not be loaded)`);
    }),
  );
}
