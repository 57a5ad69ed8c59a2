import { AtriumError } from '@atrium/errors';
import type { BackendFeatureInput } from '../definitions/feature.js';
import { kernelErrorCodes } from '../kernel-error-codes.js';
import type { JsonObject } from '../services/config/config-reader.js';
import { createRootHealth } from '../services/health/health-service.js';
import { createRootLifecycle } from '../services/lifecycle/lifecycle-service.js';
import { createRootLogger, type LoggerService } from '../services/logger/logger-service.js';
import { bootBackend } from './boot-backend.js';
import type { BootRuntime } from './boot-runtime.js';
import { runHooks } from './run-hooks.js';

/** Options for {@link createBackend}. */
export interface BackendOptions {
  /** Config files (`--config`); default: app-config.yaml and app-config.local.yaml in `rootDir`. */
  configPaths?: readonly string[];
  rootDir?: string;
  /** Config merged over the files (tests, embedding). */
  config?: JsonObject;
  env?: Record<string, string | undefined>;
  logger?: LoggerService;
}

/** A backend: add features, then start it. */
export interface Backend {
  add(feature: BackendFeatureInput): void;
  /** Boots every feature and listens; fails with one AtriumError listing every problem. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting, drains requests, runs shutdown hooks in reverse and closes pools. */
  stop(): Promise<void>;
}

/**
 * Creates a backend.
 *
 * @example
 * const backend = createBackend();
 * backend.add(import('@atrium/catalog/backend'));
 * await backend.start();
 */
export function createBackend(options: BackendOptions = {}): Backend {
  const inputs: BackendFeatureInput[] = [];
  const runtime: BootRuntime = {
    lifecycle: createRootLifecycle(),
    health: createRootHealth(),
    logger: options.logger,
    shutdownTimeoutMs: 20_000,
  };
  let stopping: Promise<void> | undefined;
  let started = false;

  async function shutdown() {
    runtime.health.setStatus('stopping');
    await runHooks(
      [...runtime.lifecycle.shutdownHooks].reverse(),
      runtime.shutdownTimeoutMs,
      runtime.logger ?? (await createRootLogger()),
    );
  }

  return {
    add(feature) {
      if (started) {
        throw new AtriumError(
          kernelErrorCodes.KERNEL_BACKEND_STARTED,
          'backend.add() was called after backend.start(); add every feature before starting the backend',
        );
      }
      inputs.push(feature);
    },
    async start() {
      if (started) {
        throw new AtriumError(
          kernelErrorCodes.KERNEL_BACKEND_STARTED,
          'backend.start() was called twice; start a backend once (stop() it and create a new one to restart)',
        );
      }
      started = true;
      const config = {
        configPaths: options.configPaths,
        rootDir: options.rootDir,
        env: options.env,
        extra: options.config,
      };
      const environment = (options.env ?? process.env).NODE_ENV ?? 'development';
      try {
        return await bootBackend(inputs, { config, environment }, runtime);
      } catch (error) {
        await shutdown().catch(() => undefined);
        throw error;
      }
    },
    stop() {
      stopping ??= shutdown();
      return stopping;
    },
  };
}
