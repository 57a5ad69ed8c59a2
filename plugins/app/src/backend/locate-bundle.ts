import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { AtriumError } from '@atrium/errors';
import type { LoggerService } from '@atrium/kernel';
import type { AppConfig } from './app-config-schema.js';
import { appErrorCodes } from './app-error-codes.js';

/**
 * Finds the built web app, building it first when it is missing and allowed, so
 * `npm start` on a fresh checkout serves the UI without a separate step.
 */
export function locateBundle(config: AppConfig, rootDir: string, logger: LoggerService): string {
  let dir: string;
  let packageDir: string | undefined;
  if (config.bundleDir) {
    dir = resolve(rootDir, config.bundleDir);
  } else {
    try {
      packageDir = dirname(
        createRequire(join(rootDir, 'package.json')).resolve(`${config.packageName}/package.json`),
      );
    } catch (error) {
      throw new AtriumError(
        appErrorCodes.APP_BUNDLE_NOT_FOUND,
        `the web app package '${config.packageName}' (app.packageName) is not installed; run npm install`,
        {
          cause: error,
        },
      );
    }
    dir = join(packageDir, 'dist');
  }
  if (!existsSync(join(dir, 'index.html')) && packageDir && config.buildIfMissing) {
    logger.info(`web app bundle missing in ${dir}; building it once (npm run build in ${packageDir})`);
    const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: packageDir, stdio: 'inherit' });
    if (result.status !== 0) {
      throw new AtriumError(
        appErrorCodes.APP_BUNDLE_BUILD_FAILED,
        `building the web app in ${packageDir} failed; run 'npm run build' there to see why`,
      );
    }
  }
  if (!existsSync(join(dir, 'index.html'))) {
    throw new AtriumError(
      appErrorCodes.APP_BUNDLE_NOT_FOUND,
      `no built web app at ${dir}; run npm run build, or set app.bundleDir`,
    );
  }
  return dir;
}
