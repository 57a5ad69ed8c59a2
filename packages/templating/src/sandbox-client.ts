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
  return new SandboxConnection(settings);
}

/**
 * One request at a time goes to the child; the rest wait in the queue. The child is
 * spawned again on the next request after it exits, crashes or is killed as hung.
 */
class SandboxConnection implements SandboxClient {
  readonly #settings: SandboxSettings;
  readonly #init: { type: 'init'; settings: ReturnType<typeof childSettings> };
  readonly #watchdogMs: number;
  readonly #queue: Pending[] = [];
  #current: Pending | undefined;
  #child: ChildProcess | undefined;
  #ready = false;
  #closed = false;
  #nextId = 1;
  #progressed = false;
  #watchdog: NodeJS.Timeout | undefined;

  constructor(settings: SandboxSettings) {
    this.#settings = settings;
    this.#init = { type: 'init', settings: childSettings(settings) };
    // Every vm run in the child is bounded by timeoutMs and reports progress; the grace
    // covers a realm rebuild on a busy machine. Only a hung process outlasts both.
    this.#watchdogMs = settings.timeoutMs + Math.max(5_000, settings.timeoutMs);
    this.#child = this.#spawn();
  }

  run(request: string): Promise<SandboxReply> {
    if (this.#closed) return Promise.reject(closedError());
    return new Promise<SandboxReply>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, request, resolve, reject });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#watchdog);
    const pending = [...(this.#current ? [this.#current] : []), ...this.#queue.splice(0)];
    this.#current = undefined;
    for (const item of pending) item.reject(closedError());
    const stopping = this.#child;
    this.#child = undefined;
    if (!stopping || stopping.exitCode !== null || stopping.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
    // An idle child is unref'd; without this the host could exit before 'exit' arrives.
    stopping.ref();
    stopping.kill('SIGKILL');
    await exited;
  }

  #spawn(): ChildProcess {
    this.#ready = false;
    const spawned = launchSandboxProcess(this.#init.settings);
    let stderr = '';
    spawned.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    if (spawned.stderr instanceof Socket) spawned.stderr.unref();
    spawned.on('message', (message: ChildMessage) => this.#onMessage(spawned, message));
    spawned.on('error', (error) => this.#onExit(spawned, error.message));
    spawned.on('exit', (code, signal) => this.#onExit(spawned, stderr || `exit code ${code ?? signal}`));
    spawned.send(this.#init);
    spawned.unref();
    spawned.channel?.unref();
    return spawned;
  }

  #onMessage(from: ChildProcess, message: ChildMessage): void {
    if (from !== this.#child) return;
    const current = this.#current;
    if (message.type === 'ready') {
      this.#ready = true;
      if (current) this.#armWatchdog();
    } else if (message.type === 'progress') {
      if (current && message.id === current.id) this.#progressed = true;
    } else if (current && message.id === current.id) {
      const { type: _type, id: _id, ...reply } = message;
      this.#settle(current).resolve(reply);
    }
  }

  #onExit(from: ChildProcess, diagnostics: string): void {
    if (from !== this.#child) return;
    this.#child = undefined;
    if (this.#current) this.#settle(this.#current).reject(exitError(diagnostics, this.#settings));
  }

  #armWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#progressed = false;
    // Checked again after the I/O phase (setImmediate), so progress messages that queued up
    // while this process was busy count before the child is declared hung.
    this.#watchdog = setTimeout(() => setImmediate(() => this.#onWatchdog()), this.#watchdogMs);
  }

  #onWatchdog(): void {
    const pending = this.#current;
    if (!pending || !this.#child) return;
    if (this.#progressed || !this.#ready) {
      this.#armWatchdog();
      return;
    }
    const hung = this.#child;
    this.#child = undefined;
    hung.kill('SIGKILL');
    this.#settle(pending).reject(
      new AtriumError(
        templatingErrorCodes.TEMPLATING_TIMEOUT,
        `template expression exceeded the time limit of ${this.#settings.timeoutMs} ms; the sandbox was restarted`,
      ),
    );
  }

  #settle(pending: Pending): Pending {
    clearTimeout(this.#watchdog);
    this.#current = undefined;
    this.#child?.unref();
    this.#child?.channel?.unref();
    queueMicrotask(() => this.#pump());
    return pending;
  }

  #pump(): void {
    if (this.#current || this.#closed) return;
    const next = this.#queue.shift();
    if (!next) return;
    this.#current = next;
    this.#child ??= this.#spawn();
    const child = this.#child;
    // Keep the host alive while an answer is due; an idle sandbox must not hold it open.
    child.ref();
    child.channel?.ref();
    child.send({ type: 'render', id: next.id, request: next.request });
    if (this.#ready) this.#armWatchdog();
  }
}

/** The error for a request whose child died: out of memory, or crashed with its stderr tail. */
function exitError(diagnostics: string, settings: SandboxSettings): AtriumError {
  const memory = /heap out of memory|heap limit/i.test(diagnostics);
  return new AtriumError(
    memory ? templatingErrorCodes.TEMPLATING_MEMORY_LIMIT : templatingErrorCodes.TEMPLATING_SANDBOX_CRASHED,
    memory
      ? `template rendering exceeded the sandbox memory limit of ${settings.memoryLimitMb} MB; the sandbox was restarted`
      : `the templating sandbox stopped unexpectedly: ${diagnostics.trim().split('\n')[0]}`,
    { details: { diagnostics } },
  );
}

function closedError(): AtriumError {
  return new AtriumError(
    templatingErrorCodes.TEMPLATING_CLOSED,
    'the templater was closed; create a new one to render again',
  );
}
