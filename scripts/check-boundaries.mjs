#!/usr/bin/env node
// Lint rule the type-checker cannot express: packages meet only through declared entry
// points. Fails on (1) a deep import of another workspace package (a subpath missing from
// its `exports`), (2) a relative import that leaves its package, and (3) browser code
// (frontend entries) importing a backend entry point, (4) a dependency on a workspace
// package that is not its exact version (one form, never a mix of `0.1.0` and `^0.1.0`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = new Map();
for (const group of ['packages', 'plugins', 'apps', 'bench']) {
  const dirs = group === 'bench' ? [join(root, 'bench')] : listDirs(join(root, group));
  for (const dir of dirs) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    packages.set(manifest.name, { dir, manifest });
  }
}

function listDirs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((d) => join(dir, d))
    .filter((d) => statSync(d).isDirectory());
}

function listSources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
const problems = [];

function isBrowserFile(pkg, file) {
  const rel = relative(pkg.dir, file).split(sep).join('/');
  return pkg.manifest.atrium?.target === 'browser' || rel.startsWith('src/frontend/');
}

for (const [name, pkg] of packages) {
  for (const file of listSources(join(pkg.dir, 'src'))) {
    // Doc comments show imports in examples; only code counts.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? match[3];
      const where = relative(root, file);
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(pkg.dir + sep)) {
          problems.push(
            `${where}: relative import '${spec}' leaves package '${name}'; import the other package by its name and a declared entry point`,
          );
        }
        continue;
      }
      // The kernel ships with its own bundled Kysely; runtime values from a second copy would
      // fail instanceof checks inside it. Types are fine, they vanish at build time.
      if (spec === 'kysely' && name !== '@atrium/kernel' && !/^\s*(import|export)\s+type\b/.test(match[0])) {
        problems.push(
          `${where}: imports runtime values from 'kysely'; import sql/CompiledQuery from '@atrium/kernel' (types may come from 'kysely')`,
        );
      }
      // The web app imports `common` entries: runtime values from the kernel's root would pull
      // the Node-only kernel into the browser bundle. Types vanish; permissions have their own entry.
      if (
        spec === '@atrium/kernel' &&
        (isBrowserFile(pkg, file) || relative(pkg.dir, file).split(sep)[1] === 'common') &&
        !/\.test\.tsx?$|[\\/](test-utils|__fixtures__)[\\/]/.test(file) &&
        !/^\s*(import|export)\s+type\b/.test(match[0])
      ) {
        problems.push(
          `${where}: browser-reachable code imports runtime values from '@atrium/kernel'; import types only, or definePermission from '@atrium/kernel/permissions'`,
        );
      }
      const m = /^(@atrium\/[^/]+)(\/.*)?$/.exec(spec);
      if (!m) continue;
      const [, targetName, sub] = m;
      const target = packages.get(targetName);
      if (!target) {
        problems.push(`${where}: imports '${spec}', but no workspace package is named '${targetName}'`);
        continue;
      }
      const exportsMap = target.manifest.exports ?? {};
      const key = sub ? `.${sub}` : '.';
      if (!(key in exportsMap)) {
        problems.push(
          `${where}: deep import '${spec}'; '${targetName}' exports only ${Object.keys(exportsMap).join(', ')}`,
        );
      }
      if (isBrowserFile(pkg, file) && /\/backend$/.test(key)) {
        problems.push(
          `${where}: browser code imports backend entry '${spec}'; use the '/common' entry or an HTTP API`,
        );
      }
    }
  }
}

const manifests = [
  { where: 'package.json', manifest: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) },
  ...[...packages.values()].map(({ dir, manifest }) => ({
    where: relative(root, join(dir, 'package.json')),
    manifest,
  })),
];
for (const { where, manifest } of manifests) {
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      const version = packages.get(dependency)?.manifest.version;
      if (version !== undefined && range !== version) {
        problems.push(
          `${where}: ${field} '${dependency}' is '${range}'; a workspace package is named by its exact version '${version}'`,
        );
      }
    }
  }
}

if (problems.length > 0) {
  console.error(
    `check-boundaries: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`check-boundaries: ${packages.size} packages, no boundary violations`);
