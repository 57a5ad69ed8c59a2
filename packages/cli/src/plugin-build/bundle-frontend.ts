import { rmSync, statSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { sharedModules } from '@atrium/web-kernel/shared-modules';
import { build, type Message } from 'esbuild';
import { pluginBuildErrorCodes } from './plugin-build-error-codes.js';
import { sharedImportsPlugin } from './shared-imports-plugin.js';

/** What {@link bundleFrontend} wrote. */
export interface FrontendBundle {
  /** Paths relative to the package. */
  files: string[];
  bytes: number;
}

const describe = (message: Message) => {
  const at = message.location
    ? `${message.location.file}:${message.location.line}:${message.location.column}: `
    : '';
  return `${at}${message.text}`;
};

/**
 * Bundles a plugin's frontend entry into one ES module (plus a chunk per lazy page) at
 * `entry`, for the web app to load from `app.features`: the modules the app shares stay
 * imports, everything else is bundled. Whitespace is kept: the app rewrites the shared
 * imports, and with each import on its own line the source map stays right.
 */
export async function bundleFrontend(options: {
  packageDir: string;
  source: string;
  entry: string;
}): Promise<FrontendBundle> {
  const outdir = dirname(options.entry);
  rmSync(outdir, { recursive: true, force: true });
  try {
    const result = await build({
      entryPoints: { [basename(options.entry, '.js')]: options.source },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      minifySyntax: true,
      minifyIdentifiers: true,
      sourcemap: 'linked',
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      assetNames: 'asset-[hash]',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [sharedImportsPlugin(sharedModules)],
      metafile: true,
      logLevel: 'silent',
    });
    const files = Object.keys(result.metafile.outputs);
    return {
      files: files.map((file) => relative(options.packageDir, file)),
      bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    throw new AtriumError(
      pluginBuildErrorCodes.PLUGIN_BUILD_FRONTEND_FAILED,
      `the frontend bundle of ${options.packageDir} did not build:\n${errors.map((e) => `  ${describe(e)}`).join('\n') || String(error)}`,
      { cause: error },
    );
  }
}
