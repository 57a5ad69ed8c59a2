import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || /[\\/]__fixtures__[\\/]/.test(file);
const isSource = (file: string) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Transpiles `src/` to `dist/` file by file for Node (the `./backend` and `./common`
 * entries), the way the repository's own build does: no type-checking, no bundling.
 * Returns how many files it wrote.
 */
export async function transpileSources(packageDir: string): Promise<number> {
  const src = join(packageDir, 'src');
  const dist = join(packageDir, 'dist');
  const files = listFiles(src).filter((file) => !isTest(file));
  const entryPoints = files.filter(isSource);
  if (entryPoints.length > 0) {
    await build({
      entryPoints,
      outdir: dist,
      outbase: src,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
  }
  for (const file of files.filter((f) => !isSource(f))) {
    const target = join(dist, relative(src, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  return files.length;
}
