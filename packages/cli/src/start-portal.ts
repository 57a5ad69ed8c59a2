import { type Backend, createBackend, type LoggerService, loadConfig, loadFeatures } from '@atrium/kernel';

/** Options for {@link startPortal}. */
export interface StartPortalOptions {
  /** `--config` files; default app-config.yaml (+ app-config.local.yaml) in `rootDir`. */
  configPaths?: readonly string[];
  rootDir?: string;
  /** Stop gracefully on SIGINT/SIGTERM (the CLI sets this). */
  handleSignals?: boolean;
  logger?: LoggerService;
}

/**
 * Starts the portal: every plugin and module listed in `backend.features` is imported
 * dynamically, so installing a plugin needs a config change, not a code change.
 *
 * @example
 * const { url } = await startPortal({ configPaths: ['app-config.yaml'], handleSignals: true });
 */
export async function startPortal(
  options: StartPortalOptions = {},
): Promise<{ backend: Backend; url: string }> {
  const rootDir = options.rootDir ?? process.cwd();
  const { reader } = loadConfig({ rootDir, configPaths: options.configPaths });
  const features = await loadFeatures(reader.getOptionalStringArray('backend.features') ?? [], rootDir);
  const backend = createBackend({ rootDir, configPaths: options.configPaths, logger: options.logger });
  for (const feature of features) backend.add(feature);
  const { url } = await backend.start();
  if (options.handleSignals) {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        // A second signal while draining: the operator wants out now.
        process.exit(1);
      }
      stopping = true;
      process.stderr.write(`received ${signal}, shutting down gracefully (send again to force)\n`);
      backend.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  }
  return { backend, url };
}
