import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';

// Under vitest the package runs from src/; this checks the other half of the layout: the
// esbuild output (as scripts/build.mjs makes it, file by file) running in plain Node, where
// the sandbox entry must be found beside dist/ files rather than src/ ones. It builds what
// it runs (this package and @atrium/errors) so it never depends on a prior `npm run build`.
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = join(packagesDir, '..');
const outDir = mkdtempSync(join(tmpdir(), 'atrium-templating-dist-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Transpiles `packages/<name>/src` to `<target>/dist` file by file and copies its package.json. */
async function buildPackage(name: string, target: string): Promise<void> {
  const src = join(packagesDir, name, 'src');
  const dist = join(target, 'dist');
  const files = listFiles(src).filter((file) => !/\.test\.ts$/.test(file));
  await build({
    entryPoints: files.filter((file) => file.endsWith('.ts')),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  for (const file of files.filter((f) => !f.endsWith('.ts'))) cpSync(file, join(dist, relative(src, file)));
  cpSync(join(packagesDir, name, 'package.json'), join(target, 'package.json'));
}

it('works when transpiled to JavaScript like scripts/build.mjs does', async () => {
  const modules = join(outDir, 'node_modules');
  mkdirSync(join(modules, '@atrium'), { recursive: true });
  await buildPackage('errors', join(modules, '@atrium/errors'));
  symlinkSync(join(repoRoot, 'node_modules/nunjucks'), join(modules, 'nunjucks'));
  await buildPackage('templating', join(outDir, 'templating'));

  const script = `
    import { createTemplater } from ${JSON.stringify(join(outDir, 'templating/dist/index.js'))};
    const templater = createTemplater();
    const value = await templater.renderValue({ n: '\${{ p.n }}', s: 'x-\${{ p.n }}' }, { p: { n: 2 } });
    const escape = await templater.renderString('\${{ "".constructor.constructor("return 1")() }}', {}).catch((e) => e.code);
    await templater.close();
    console.log(JSON.stringify({ value, escape }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(JSON.parse(output)).toEqual({ value: { n: 2, s: 'x-2' }, escape: 'TEMPLATING_RENDER' });
});
