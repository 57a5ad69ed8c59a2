import type { ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';
import { AtriumError } from '@atrium/errors';
import { childSettings, launchSandboxProcess } from './sandbox-launch.js';
import type { SandboxFailure, SandboxSettings } from './sandbox-settings.js';
import { templatingErrorCodes } from './templating-error-codes.js';

/** The sandbox's answer to one request: the per-item results as JSON text, or a failure. */
type SandboxReply = { ok: true; response: string } | { ok: false; error: SandboxFailure };

/** A serial connection to the sandbox process that restarts it after a crash or hang. */
export interface SandboxClient {
  /** Sends one request (JSON text) and resolves with the sandbox's reply. */
  run(request: string): Promise<SandboxReply>;
  /** Stops the sandbox process and rejects queued requests. */
  close(): Promise<void>;
}

interface Pending {
  id: number;
  request: string;
  resolve: (reply: SandboxReply) => void;
  reject: (error: Error) => void;
}

type ChildMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number }
  | ({ type: 'reply'; id: number } & SandboxReply);

const STDERR_TAIL_BYTES = 4096;

/** Starts the sandbox process for these settings; it is replaced whenever it dies. */
export function createSandboxClient(settings: SandboxSettings): SandboxClient {
  const init = { type: 'init', settings: childSettings(settings) };
  // Every vm run in the child is bounded by timeoutMs and reports progress; the grace
  // covers a realm rebuild on a busy machine. Only a hung process outlasts both.
  const watchdogMs = settings.timeoutMs + Math.max(5_000, settings.timeoutMs);
  const queue: Pending[] = [];
  let current: Pending | undefined;
  let child: ChildProcess | undefined;
  let ready = false;
  let closed = false;
  let nextId = 1;
  let progressed = false;
  let watchdog: NodeJS.Timeout | undefined;

  function spawn(): ChildProcess {
    ready = false;
    const spawned = launchSandboxProcess(init.settings);
    let stderr = '';
    spawned.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    if (spawned.stderr instanceof Socket) spawned.stderr.unref();
    spawned.on('message', (message: ChildMessage) => onMessage(spawned, message));
    spawned.on('error', (error) => onExit(spawned, error.message));
    spawned.on('exit', (code, signal) => onExit(spawned, stderr || `exit code ${code ?? signal}`));
    spawned.send(init);
    spawned.unref();
    spawned.channel?.unref();
    return spawned;
  }

  function onMessage(from: ChildProcess, message: ChildMessage): void {
    if (from !== child) return;
    if (message.type === 'ready') {
      ready = true;
      if (current) armWatchdog();
    } else if (message.type === 'progress') {
      if (current && message.id === current.id) progressed = true;
    } else if (current && message.id === current.id) {
      const { type: _type, id: _id, ...reply } = message;
      settle(current).resolve(reply);
    }
  }

  function onExit(from: ChildProcess, diagnostics: string): void {
    if (from !== child) return;
    child = undefined;
    if (!current) return;
    const memory = /heap out of memory|heap limit/i.test(diagnostics);
    settle(current).reject(
      new AtriumError(
        memory
          ? templatingErrorCodes.TEMPLATING_MEMORY_LIMIT
          : templatingErrorCodes.TEMPLATING_SANDBOX_CRASHED,
        memory
          ? `template rendering exceeded the sandbox memory limit of ${settings.memoryLimitMb} MB; the sandbox was restarted`
          : `the templating sandbox stopped unexpectedly: ${diagnostics.trim().split('\n')[0]}`,
        { details: { diagnostics } },
      ),
    );
  }

  function armWatchdog(): void {
    clearTimeout(watchdog);
    progressed = false;
    // Checked again after the I/O phase (setImmediate), so progress messages that queued up
    // while this process was busy count before the child is declared hung.
    watchdog = setTimeout(() => setImmediate(onWatchdog), watchdogMs);
  }

  function onWatchdog(): void {
    const pending = current;
    if (!pending || !child) return;
    if (progressed || !ready) {
      armWatchdog();
      return;
    }
    const hung = child;
    child = undefined;
    hung.kill('SIGKILL');
    settle(pending).reject(
      new AtriumError(
        templatingErrorCodes.TEMPLATING_TIMEOUT,
        `template expression exceeded the time limit of ${settings.timeoutMs} ms; the sandbox was restarted`,
      ),
    );
  }

  function settle(pending: Pending): Pending {
    clearTimeout(watchdog);
    current = undefined;
    child?.unref();
    child?.channel?.unref();
    queueMicrotask(pump);
    return pending;
  }

  function pump(): void {
    if (current || closed) return;
    const next = queue.shift();
    if (!next) return;
    current = next;
    child ??= spawn();
    // Keep the host alive while an answer is due; an idle sandbox must not hold it open.
    child.ref();
    child.channel?.ref();
    child.send({ type: 'render', id: next.id, request: next.request });
    if (ready) armWatchdog();
  }

  child = spawn();

  return {
    run(request) {
      if (closed) return Promise.reject(closedError());
      return new Promise<SandboxReply>((resolve, reject) => {
        queue.push({ id: nextId++, request, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      clearTimeout(watchdog);
      const pending = [...(current ? [current] : []), ...queue.splice(0)];
      current = undefined;
      for (const item of pending) item.reject(closedError());
      const stopping = child;
      child = undefined;
      if (!stopping || stopping.exitCode !== null || stopping.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
      // An idle child is unref'd; without this the host could exit before 'exit' arrives.
      stopping.ref();
      stopping.kill('SIGKILL');
      await exited;
    },
  };
}

function closedError(): AtriumError {
  return new AtriumError(
    templatingErrorCodes.TEMPLATING_CLOSED,
    'the templater was closed; create a new one to render again',
  );
}
