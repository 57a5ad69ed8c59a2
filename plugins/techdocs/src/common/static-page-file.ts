/**
 * Where a page's HTML is served under `/static/docs/<ns>/<kind>/<name>/`, as MkDocs lays a
 * site out: `index` → `index.html`, `guide/install` → `guide/install/index.html`.
 *
 * @example
 * staticPageFile('guide/install'); // 'guide/install/index.html'
 */
export function staticPageFile(pagePath: string): string {
  if (pagePath === 'index' || pagePath.endsWith('/index')) return `${pagePath}.html`;
  return `${pagePath}/index.html`;
}
