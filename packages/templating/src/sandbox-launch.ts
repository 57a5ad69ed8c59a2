import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxSettings } from './sandbox-settings.js';

// The child's entry is plain JavaScript beside this module, in src/ and in dist/ alike (the
// build copies non-TypeScript files), so one relative URL works under vitest and at runtime.
const sandboxDir = fileURLToPath(new URL('./sandbox/', import.meta.url));
const require = createRequire(import.meta.url);

// Node 20 names the permission model --experimental-permission; newer Node --permission.
const permissionFlag = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';

/** The settings message the child process needs, including the Nunjucks file it may read. */
export function childSettings(settings: SandboxSettings): SandboxSettings & { nunjucksPath: string } {
  return { ...settings, nunjucksPath: require.resolve('nunjucks/browser/nunjucks.min.js') };
}

/**
 * Starts the sandbox child process. A separate process, not a worker thread, because V8
 * aborts the whole process when one allocation overshoots a heap limit (a template can
 * flatten a 500 MB string in one call); the same flags also shut the child off from the
 * host: no environment, no code generation, and Node's permission model allowing only
 * reads of its own files (no writes, no child processes, no workers, no addons).
 */
export function launchSandboxProcess(settings: SandboxSettings & { nunjucksPath: string }): ChildProcess {
  return fork(join(sandboxDir, 'sandbox-process.js'), [], {
    env: {},
    execArgv: [
      `--max-old-space-size=${settings.memoryLimitMb}`,
      '--disallow-code-generation-from-strings',
      '--no-warnings',
      permissionFlag,
      `--allow-fs-read=${join(sandboxDir, '*')}`,
      `--allow-fs-read=${settings.nunjucksPath}`,
    ],
    serialization: 'json',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}
