import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../../../..');
const atrium = join(repoRoot, 'node_modules/.bin/atrium');
// Inside the repository, so the built package resolves the host's modules as the portal's plugins do.
const workRoot = join(repoRoot, 'node_modules/.cache/atrium-plugins-tests');

function atriumCli(args: string[], cwd: string): void {
  const result = spawnSync(process.execPath, [atrium, ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`atrium ${args.join(' ')} failed: ${result.stdout}${result.stderr}`);
}

/** A plugin package made by `atrium new plugin` and built by `atrium plugin build`, unchanged. */
export interface GeneratedPlugin {
  id: string;
  dir: string;
  /** Sets the version (and makes it publishable: the template is private), rebuilds. */
  release(version: string, change?: (dir: string) => void): void;
  /** `npm pack` of the package: the tarball an admin uploads. */
  pack(): Buffer;
  cleanup(): void;
}

/** Generates a plugin with the CLI, as a plugin author does. */
export function generatePlugin(id: string): GeneratedPlugin {
  const parent = join(workRoot, `${id}-${process.pid}-${Date.now()}`);
  mkdirSync(parent, { recursive: true });
  atriumCli(['new', 'plugin', id, '--dir', parent, '--package-name', `@acme/${id}`], repoRoot);
  const dir = join(parent, id);
  return {
    id,
    dir,
    release(version, change) {
      change?.(dir);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ ...manifest, version, private: false }, null, 2),
      );
      atriumCli(['plugin', 'build', dir], repoRoot);
    },
    pack() {
      const out = join(parent, 'packed');
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out);
      const result = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], {
        cwd: dir,
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
      const [file] = readdirSync(out);
      return readFileSync(join(out, file ?? ''));
    },
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}

const actionModuleSource = (id: string, actionId: string) => `import { defineModule } from '@atrium/kernel';
import { createTemplateAction, scaffolderActionsPoint } from '@atrium/scaffolder/backend';

/** Adds the ${actionId} action to the scaffolder (a built-in plugin). */
export const actionModule = defineModule({
  plugin: 'scaffolder',
  id: '${id}',
  deps: {},
  extensionPoints: { actions: scaffolderActionsPoint },
  init({ extensions }) {
    extensions.actions.add(
      createTemplateAction({
        id: '${actionId}',
        description: 'Greets (installed at runtime)',
        async handler(ctx) {
          ctx.output('greeting', 'hello');
        },
      }),
    );
  },
});

export default actionModule;
`;

/**
 * A module package made from \`atrium new plugin\` output the way an author turns it into a
 * scaffolder action module: the backend entry default-exports a module of 'scaffolder',
 * no frontend; then built by \`atrium plugin build\` and packed.
 */
export function generateActionModule(id: string, actionId: string): GeneratedPlugin {
  const generated = generatePlugin(id);
  const { dir } = generated;
  rmSync(join(dir, 'src/frontend'), { recursive: true, force: true });
  rmSync(join(dir, 'src/common'), { recursive: true, force: true });
  for (const file of ['plugin.ts', 'plugin.test.ts', 'migrations.ts'])
    rmSync(join(dir, 'src/backend', file), { force: true });
  writeFileSync(join(dir, 'src/backend/index.ts'), actionModuleSource(id, actionId));
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const { atrium: _frontend, ...rest } = manifest;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      ...rest,
      exports: { './backend': manifest.exports['./backend'] },
      dependencies: { '@atrium/kernel': '0.1.0', '@atrium/scaffolder': '0.1.0' },
    }),
  );
  return generated;
}
