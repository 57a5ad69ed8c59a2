/** A place entities are read from, e.g. `{ type: 'url', target: 'https://…/catalog-info.yaml' }`. */
export interface LocationSpec {
  type: string;
  target: string;
}

/** What the register page makes of the text the user entered. */
export type ImportTarget =
  | { kind: 'url'; target: string }
  | { kind: 'file'; target: string }
  | { kind: 'invalid'; reason: string };

const isHttpUrl = (text: string) => /^https?:\/\/\S+$/i.test(text);
// POSIX absolute paths, and Windows drive paths for a server that runs there.
const isAbsolutePath = (text: string) => text.startsWith('/') || /^[a-z]:[\\/]/i.test(text);

function fileUrlPath(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'file:' && url.pathname !== '/' ? decodeURIComponent(url.pathname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the register page's input: an http(s) URL, or an absolute file path (also as a
 * `file://` URL). Anything else (a name, a relative path) is refused here rather than sent
 * as a path relative to wherever the server happens to run.
 *
 * @example
 * parseImportTarget('/srv/checkouts/app/catalog-info.yaml'); // { kind: 'file', target: '/srv/checkouts/app/catalog-info.yaml' }
 * parseImportTarget('petstore'); // { kind: 'invalid', reason: '…' }
 */
export function parseImportTarget(text: string): ImportTarget {
  const trimmed = text.trim();
  if (isHttpUrl(trimmed)) return { kind: 'url', target: trimmed };
  const fromFileUrl = fileUrlPath(trimmed);
  if (fromFileUrl) return { kind: 'file', target: fromFileUrl };
  if (isAbsolutePath(trimmed)) return { kind: 'file', target: trimmed };
  const what = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
    ? 'Only http(s) URLs and local files can be registered'
    : `'${trimmed}' is neither a URL nor an absolute path`;
  return {
    kind: 'invalid',
    reason: `${what}. Enter the URL of a catalog-info.yaml file or repository (https://…), or the absolute path of a file on the server (/…).`,
  };
}

/**
 * The folder to allow for a file: the one holding a bare repository for
 * `<repo>.git/blob/<branch>/<file>`, else the file's own folder.
 */
export function folderToAllow(path: string): string {
  const repository = /^(.*)\/[^/]+\.git\/blob\//.exec(path);
  if (repository) return repository[1] || '/';
  return path.slice(0, path.lastIndexOf('/')) || '/';
}
