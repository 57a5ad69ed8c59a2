import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, NotAllowedError } from '@atrium/errors';
import { resolveLocationTarget, type UrlReaderService } from '@atrium/kernel';
import { glob } from 'tinyglobby';
import { resolveTemplateUrl } from './resolve-template-url.js';
import { isChildPath } from './safe-path.js';

/** One file of a template tree. */
export interface SourceFile {
  /** Relative path with `/` separators. */
  path: string;
  executable: boolean;
  content(): Promise<Buffer>;
}

/** Reads template skeletons: through the kernel's URL reader, or from a local directory. */
export interface TemplateSource {
  /** Resolves an action's `url` input against the template's file URL, inside the location's base. */
  resolveUrl(url: string, baseUrl: string | undefined, field: string): string;
  readTree(url: string): Promise<SourceFile[]>;
  readFile(url: string): Promise<Buffer>;
}

async function isExecutable(path: string): Promise<boolean> {
  return (((await stat(path).catch(() => undefined))?.mode ?? 0) & 0o111) !== 0;
}

async function confined(root: string, path: string): Promise<string> {
  const real = await realpath(path).catch(() => {
    throw new InputError(`'${path}' does not exist`);
  });
  if (!isChildPath(await realpath(root), real)) {
    throw new NotAllowedError(`'${path}' leads outside the template's files`);
  }
  return real;
}

async function readLocalTree(root: string, dir: string): Promise<SourceFile[]> {
  const base = await confined(root, dir);
  const paths = (
    await glob('**/*', { cwd: base, dot: true, onlyFiles: true, followSymbolicLinks: false })
  ).sort();
  return Promise.all(
    paths.map(async (path) => {
      const full = resolve(base, path);
      return {
        path,
        executable: await isExecutable(full),
        content: async () => readFile(await confined(root, full)),
      };
    }),
  );
}

/**
 * Creates a template source. With `localRoot` (dry runs, `workspace:template`), `file:`
 * URLs are read from that directory only, and it is the only root the kernel's target
 * rule knows: a posted template must not read the server's files. Without it,
 * everything goes through the URL reader: its target rule and its allow-lists.
 */
export function createTemplateSource(options: {
  urlReader: UrlReaderService;
  localRoot?: string;
}): TemplateSource {
  const { urlReader, localRoot } = options;
  const localPath = (url: string) => {
    if (!localRoot || !url.startsWith('file:')) return undefined;
    const path = fileURLToPath(url);
    if (!isChildPath(resolve(localRoot), resolve(path))) {
      throw new NotAllowedError(
        `'${url}' is outside the template's files; a dry run reads only the posted files`,
      );
    }
    return path;
  };
  const resolver = localRoot
    ? {
        resolveTarget: (location: string, target: string) =>
          resolveLocationTarget(location, target, [localRoot]),
      }
    : urlReader;
  return {
    resolveUrl: (url, baseUrl, field) => resolveTemplateUrl(resolver, url, baseUrl, field),
    async readTree(url) {
      const local = localPath(url);
      if (local) return readLocalTree(localRoot!, local);
      const tree = await urlReader.readTree(url);
      const files = await tree.files();
      const dir = url.startsWith('file:') ? fileURLToPath(url) : undefined;
      return Promise.all(
        files.map(async (file) => ({
          path: file.path,
          executable: dir ? await isExecutable(resolve(dir, file.path)) : false,
          content: () => file.content(),
        })),
      );
    },
    async readFile(url) {
      const local = localPath(url);
      if (local) return readFile(await confined(localRoot!, local));
      return (await urlReader.readUrl(url)).buffer();
    },
  };
}

/** The `file:` URL of a directory, ending in `/` so relative URLs resolve inside it. */
export function directoryUrl(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}
