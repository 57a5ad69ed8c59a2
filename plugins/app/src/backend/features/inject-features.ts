/** A bundle as the page lists it. */
interface ListedBundle {
  name: string;
  url: string;
  integrity?: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Lists the feature bundles in index.html, right after the config tag: a JSON data block
 * the web app's `loadFeatureBundles` reads (data, not script, so the CSP forbids no part
 * of it), and a modulepreload link per entry, so the browser fetches each bundle while the
 * app's own code loads, and checks its integrity.
 */
export function injectFeatures(indexHtml: string, bundles: readonly ListedBundle[]): string {
  const listed = JSON.stringify(bundles.map((b) => ({ name: b.name, url: b.url }))).replace(/</g, '\\u003c');
  const links = bundles.map(
    (b) =>
      `\n    <link rel="modulepreload" crossorigin href="${escapeAttribute(b.url)}"${b.integrity ? ` integrity="${b.integrity}"` : ''}>`,
  );
  const block = `\n    <script type="application/json" id="atrium-features">${listed}</script>${links.join('')}`;
  const configTag = /<script type="application\/json" id="atrium-config">[\s\S]*?<\/script>/;
  return indexHtml.replace(configTag, (tag) => `${tag}${block}`);
}
