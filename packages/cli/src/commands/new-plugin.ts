import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { pluginNames, pluginTemplate } from './plugin-template.js';

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `atrium new plugin <id>`: creates a plugin package with backend, common and frontend entries. */
export async function newPlugin(
  io: CliIo,
  id: string | undefined,
  options: { dir?: string; packageName?: string },
): Promise<number> {
  if (!id || !idPattern.test(id)) {
    io.err(`atrium new plugin: '${id ?? ''}' is not a valid plugin id; use kebab-case such as 'tech-radar'`);
    return 1;
  }
  const target = resolve(io.cwd, options.dir ?? 'plugins', id);
  if (existsSync(target)) {
    io.err(`atrium new plugin: '${relative(io.cwd, target)}' already exists; choose another id or remove it`);
    return 1;
  }
  const files = pluginTemplate(pluginNames(id, options.packageName));
  for (const [path, text] of Object.entries(files)) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const where = relative(io.cwd, target) || '.';
  const entry = where.startsWith('.') ? where : `./${where}`;
  io.out(`created plugin '${id}' in ${where} (${Object.keys(files).length} files)

Next:
  npm install                      # links the new workspace package and builds it (dist/ and dist/web/)
  npx vitest run ${where}          # runs its test
  then list it in app-config.yaml and run npm start (after a change: npm run build, restart):
    backend:
      features: [..., '${entry}']  # its API at /api/${id}
    app:
      features: ['${entry}']       # its page at /${id}, with a nav item`);
  return 0;
}
