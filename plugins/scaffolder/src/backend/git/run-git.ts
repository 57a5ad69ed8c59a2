import { spawn } from 'node:child_process';
import { AtriumError } from '@atrium/errors';
import { scaffolderErrorCodes } from '../../common/index.js';

/** How git runs: which executable, where, with which identity and limits. */
export interface GitOptions {
  executable: string;
  /** `GIT_DIR`: kept outside the workspace, so workspace files cannot configure git. */
  gitDir: string;
  /** Absent for commands on a bare repository. */
  workTree?: string;
  /** An empty directory used as HOME, so no user config or credentials are read. */
  home: string;
  timeoutMs: number;
  signal: AbortSignal;
  author: { name: string; email: string };
}

const OUTPUT_LIMIT = 64 * 1024;

/** Masks passwords in URLs inside a text (`https://user:***@host`). */
function maskCredentials(text: string): string {
  return text.replace(/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1***@');
}

// Only what git needs: no inherited variables (tokens, proxies, GIT_* overrides), no
// prompts, no system or global config, no transports that run programs (ext::).
function environment(options: GitOptions): Record<string, string> {
  const workTree: Record<string, string> = options.workTree ? { GIT_WORK_TREE: options.workTree } : {};
  return {
    ...workTree,
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: options.home,
    LANG: 'C',
    LC_ALL: 'C',
    GIT_DIR: options.gitDir,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ALLOW_PROTOCOL: 'file:http:https:ssh:git',
    GIT_AUTHOR_NAME: options.author.name,
    GIT_AUTHOR_EMAIL: options.author.email,
    GIT_COMMITTER_NAME: options.author.name,
    GIT_COMMITTER_EMAIL: options.author.email,
  };
}

/**
 * Runs one git command (an argument array, never a shell) and answers its stdout.
 * Failures carry git's stderr, with passwords in URLs masked.
 */
export function runGit(args: string[], options: GitOptions): Promise<string> {
  const shown = maskCredentials(`git ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.executable,
      ['-c', 'core.hooksPath=/dev/null', '-c', 'credential.helper=', ...args],
      {
        cwd: options.workTree ?? options.home,
        env: environment(options),
        stdio: ['ignore', 'pipe', 'pipe'],
        signal: options.signal,
        timeout: options.timeoutMs,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on(
      'data',
      (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)),
    );
    child.stderr.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)),
    );
    child.on('error', (error) =>
      reject(
        new AtriumError(
          scaffolderErrorCodes.SCAFFOLDER_GIT_FAILED,
          `${shown} could not run: ${error.message}`,
          {
            cause: error,
          },
        ),
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout.trim());
      const why = signal
        ? `was stopped (${signal}; scaffolder.git.timeout or cancellation)`
        : `exited with ${code}`;
      reject(
        new AtriumError(
          scaffolderErrorCodes.SCAFFOLDER_GIT_FAILED,
          `${shown} ${why}: ${maskCredentials(stderr.trim()) || 'no output'}`,
        ),
      );
    });
  });
}
