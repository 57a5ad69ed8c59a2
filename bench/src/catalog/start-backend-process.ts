import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** A backend started as its own process, with its output kept in a log file. */
export interface BackendProcess {
  child: ChildProcess;
  port: number;
  /** `performance.now()` at spawn, so callers can time from process start. */
  spawnedAt: number;
  logFile: string;
  /** Memory from /proc/<pid>/status in MB: resident now (VmRSS) and peak (VmHWM). */
  memoryMb(): Promise<{ rss: number; peak: number }>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const READY = /listening on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Spawns `node <args>` and resolves once the kernel logs its listening line. Unlike the
 * shared spawnServer, every byte of output goes to `logFile` for the whole run, because a
 * catalog that fails to ingest is diagnosed from its logs.
 *
 * @example
 * const backend = await startBackendProcess(['apps/backend/dist/main.js', '--config', file], { cwd, logFile });
 */
export function startBackendProcess(
  args: readonly string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<BackendProcess> {
  const spawnedAt = performance.now();
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('exit', () => log.end());
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  const memoryMb = async () => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  };
  const stop = async (graceMs = 20_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let seen = '';
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`backend did not log its listening line within ${timeoutMs} ms; see ${options.logFile}`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      // Keep only a tail: the listening line is short, the logs before it may not be.
      seen = (seen + chunk.toString()).slice(-4096);
      const match = READY.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onEarlyExit);
      resolve({ child, port: Number(match[1]), spawnedAt, logFile: options.logFile, memoryMb, stop });
    };
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with ${code} before listening; see ${options.logFile}:\n${seen}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onEarlyExit);
  });
}
