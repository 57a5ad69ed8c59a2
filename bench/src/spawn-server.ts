import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** Pins this process (the load generator) to one CPU core, when taskset is available. */
export function pinSelfToCpu(cpu: number): boolean {
  return spawnSync('taskset', ['-cp', String(cpu), String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** A server process started by a benchmark. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  stop(): Promise<void>;
  /** Resident memory in MB, from /proc. */
  rssMb(): Promise<number>;
}

/**
 * Spawns `node <args>` and resolves when a stdout line matches `ready` (whose first group
 * is the port), timing spawn-to-ready.
 */
export function spawnServer(
  args: string[],
  options: { ready: RegExp; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; cpu?: number },
): Promise<ServerProcess> {
  const started = performance.now();
  // Pinning the server to one core and the load generator to the other keeps them from
  // stealing each other's CPU on this 2-core machine, so ratios compare like with like.
  const [command, commandArgs] =
    options.cpu === undefined
      ? [process.execPath, args]
      : ['taskset', ['-c', String(options.cpu), process.execPath, ...args]];
  const child = spawn(command, commandArgs, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`server did not become ready within ${options.timeoutMs ?? 30_000} ms; output:\n${output}`),
      );
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const readyMs = performance.now() - started;
      resolve({
        child,
        port: Number(match[1]),
        readyMs,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        rssMb: async () => {
          const { readFile } = await import('node:fs/promises');
          const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
          const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
          return kb / 1024;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready; output:\n${output}`));
    });
  });
}
