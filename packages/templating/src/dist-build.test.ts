import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';

// Under vitest the package runs from src/; this checks the other half of the layout: the
// esbuild output (as scripts/build.mjs makes it, file by file) running in plain Node, where
// the sandbox entry must be found beside dist/ files rather than src/ ones.
const srcDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const errorsBuilt = existsSync(join(repoRoot, 'packages/errors/dist/index.js'));
const outDir = mkdtempSync(join(tmpdir(), 'atrium-templating-dist-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

it.skipIf(!errorsBuilt)('works when transpiled to JavaScript like scripts/build.mjs does', async () => {
  const files = listFiles(srcDir).filter((file) => !/\.test\.ts$/.test(file));
  const sources = files.filter((file) => file.endsWith('.ts'));
  await build({
    entryPoints: sources,
    outdir: outDir,
    outbase: srcDir,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  for (const file of files.filter((f) => !f.endsWith('.ts')))
    cpSync(file, join(outDir, relative(srcDir, file)));
  symlinkSync(join(repoRoot, 'node_modules'), join(outDir, 'node_modules'));
  cpSync(join(srcDir, '../package.json'), join(outDir, 'package.json'));

  const script = `
    import { createTemplater } from ${JSON.stringify(join(outDir, 'index.js'))};
    const templater = createTemplater();
    const value = await templater.renderValue({ n: '\${{ p.n }}', s: 'x-\${{ p.n }}' }, { p: { n: 2 } });
    const escape = await templater.renderString('\${{ "".constructor.constructor("return 1")() }}', {}).catch((e) => e.code);
    await templater.close();
    console.log(JSON.stringify({ value, escape }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(JSON.parse(output)).toEqual({ value: { n: 2, s: 'x-2' }, escape: 'TEMPLATING_RENDER' });
});
