#!/usr/bin/env node
// Transpiles every workspace's src/ to dist/ (type-checking is `npm run typecheck`'s job),
// then builds the web bundle. Runs on `npm install` through the root `prepare` script.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const groups = ['packages', 'plugins', 'apps', '.'];

function workspaces() {
  const found = [];
  for (const group of groups) {
    if (group === '.') {
      if (existsSync(join(root, 'bench', 'src'))) found.push(join(root, 'bench'));
      continue;
    }
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pkg = join(dir, name);
      if (existsSync(join(pkg, 'package.json')) && existsSync(join(pkg, 'src'))) found.push(pkg);
    }
  }
  return found;
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || /[\\/]__fixtures__[\\/]/.test(file);
const isSource = (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts');

// A plugin made by `atrium new plugin` builds itself (`atrium plugin build`: dist/ and its
// frontend bundle); it runs after the transpile below, which builds the CLI it needs.
const buildsItself = (manifest) => manifest.atrium?.build !== 'vite' && Boolean(manifest.scripts?.build);

async function buildWorkspace(pkgDir) {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (manifest.atrium?.build === 'vite' || buildsItself(manifest)) return;
  const src = join(pkgDir, 'src');
  const dist = join(pkgDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const files = listFiles(src).filter((f) => !isTest(f));
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
    cpSync(file, join(dist, relative(src, file)));
  }
  if (manifest.atrium?.bundle) await bundleEntry(pkgDir, manifest);
}

// Startup time is dominated by loading hundreds of small module files (Kysely alone has
// ~450). A package that sets `atrium.bundle` gets its entry replaced by one esbuild bundle
// with its third-party dependencies inlined, except the ones it lists as external.
async function bundleEntry(pkgDir, manifest) {
  const entry = join(pkgDir, 'dist', 'index.js');
  await build({
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    external: ['@atrium/*', ...(manifest.atrium.bundle.external ?? [])],
    // Not minified: measured 2.5x fewer requests/s with esbuild's minifier (13.6k vs 38k on
    // a small authenticated route) for ~5 MB less RSS.
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: {
      js: "import { createRequire as __atriumRequire } from 'node:module';\nconst require = __atriumRequire(import.meta.url);",
    },
  });
}

const started = Date.now();
// `--only <dir>` builds one workspace (used by tests that generate a plugin).
const only = process.argv.includes('--only')
  ? resolve(root, process.argv[process.argv.indexOf('--only') + 1])
  : undefined;
const targets = only ? [only] : workspaces();
await Promise.all(targets.map(buildWorkspace));
console.log(`atrium build: transpiled ${targets.length} workspaces in ${Date.now() - started} ms`);

for (const pkgDir of targets) {
  if (!buildsItself(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')))) continue;
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: pkgDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`atrium build: ${relative(root, pkgDir)} failed to build (npm run build there)`);
    process.exit(result.status ?? 1);
  }
}

for (const pkgDir of targets) {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (manifest.atrium?.build !== 'vite' || process.argv.includes('--no-web')) continue;
  // Always a production bundle: under `npm test` NODE_ENV is `test`, and Vite would then
  // bundle React's development build (+65 KB, slower renders) for `npm start` to serve.
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: pkgDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error(`atrium build: the web bundle in ${relative(root, pkgDir)} failed to build`);
    process.exit(result.status ?? 1);
  }
  precompress(join(pkgDir, 'dist'));
}

// The app plugin serves .br/.gz siblings when the browser accepts them, so the bundle is
// compressed once here instead of on every request. A portal may be serving the folder
// (the previous build's assets stay): each file is compressed once, and written under a
// temporary name first, so no one is served half a file.
function precompress(dir) {
  let count = 0;
  const isCurrent = (file, source) => existsSync(file) && statSync(file).mtimeMs >= statSync(source).mtimeMs;
  const writeAtomically = (file, data) => {
    writeFileSync(`${file}.tmp`, data);
    renameSync(`${file}.tmp`, file);
  };
  for (const file of listFiles(dir)) {
    if (!/\.(js|css|svg|json|html|txt)$/.test(file) || statSync(file).size < 1024) continue;
    if (isCurrent(`${file}.gz`, file) && isCurrent(`${file}.br`, file)) continue;
    const data = readFileSync(file);
    writeAtomically(`${file}.gz`, gzipSync(data, { level: 9 }));
    writeAtomically(
      `${file}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    count++;
  }
  console.log(`atrium build: precompressed ${count} files in ${relative(root, dir)}`);
}
