import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Where a build lists its files, so the next build knows which ones to keep. */
export const BUILD_LIST_FILE = '.atrium-build.json';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// `assets/x.js.map.br` belongs to `assets/x.js`: sourcemaps and precompressed copies.
const ownerOf = (file: string) => file.replace(/\.(br|gz)$/, '').replace(/\.map$/, '');

function readPreviousBuild(outDir: string, assetsDir: string): string[] {
  try {
    const list = JSON.parse(readFileSync(join(outDir, BUILD_LIST_FILE), 'utf8')) as { files?: unknown };
    if (Array.isArray(list.files)) return list.files.map(String);
  } catch {
    // No list: the folder was built without this plugin; keep all it has, once.
  }
  return listFiles(join(outDir, assetsDir)).map((file) => relative(outDir, file).split(sep).join('/'));
}

// Removes the assets of builds before the previous one.
function prune(outDir: string, assetsDir: string, keep: ReadonlySet<string>): void {
  for (const file of listFiles(join(outDir, assetsDir))) {
    const name = relative(outDir, file).split(sep).join('/');
    if (!keep.has(ownerOf(name))) rmSync(file, { force: true });
  }
}

/**
 * A Vite plugin for web apps that the app plugin serves while they are rebuilt: the build
 * no longer empties `outDir`, so the previous build's hashed assets stay for pages already
 * open (and for the index the server still serves), and assets older than that are
 * removed; `index.html` is written last, atomically, so it never names a file that is not
 * written yet. The server switches to the new index once its assets exist.
 *
 * @example
 * export default defineConfig({ plugins: [react(), keepPreviousBuild()] });
 */
export function keepPreviousBuild(): Plugin {
  let outDir = '';
  let assetsDir = 'assets';
  let previous: string[] = [];
  let indexHtml: string | undefined;
  return {
    name: 'atrium:keep-previous-build',
    apply: 'build',
    enforce: 'post',
    config: () => ({ build: { emptyOutDir: false } }),
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      assetsDir = config.build.assetsDir;
    },
    buildStart() {
      previous = readPreviousBuild(outDir, assetsDir);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') return;
        indexHtml = String(index.source);
        delete bundle['index.html'];
      },
    },
    writeBundle(_options, bundle) {
      // Every other file of this build is on disk now.
      const current = Object.keys(bundle);
      prune(outDir, assetsDir, new Set([...previous, ...current].map(ownerOf)));
      writeFileSync(join(outDir, BUILD_LIST_FILE), JSON.stringify({ files: current }));
      if (indexHtml === undefined) return;
      const temporary = join(outDir, `.index.html.${process.pid}.tmp`);
      writeFileSync(temporary, indexHtml);
      renameSync(temporary, join(outDir, 'index.html'));
    },
  };
}
