import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoggerService } from '@atrium/kernel';

/** The index.html the app serves, following rebuilds of the bundle. */
export interface ServedIndex {
  /** The current page, re-read when index.html changed and its assets are all there. */
  html(): Promise<string>;
}

// Files below assets/ that a page loads: scripts, styles, preloads, icons.
const ASSET_REF = /\b(?:src|href)="(?:\.?\/)?(assets\/[^"?#]+)/g;

const versionOf = (info: { mtimeMs: number; size: number; ino: number }) =>
  `${info.mtimeMs}:${info.size}:${info.ino}`;

async function missingAssets(dir: string, page: string): Promise<string[]> {
  const refs = [...new Set([...page.matchAll(ASSET_REF)].map((match) => match[1] as string))];
  const found = await Promise.all(
    refs.map((ref) =>
      stat(join(dir, ref)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return refs.filter((_, index) => !found[index]);
}

/**
 * Serves `index.html` from a bundle folder that a build may rewrite while the portal runs
 * (`npm run build`): each request checks whether the file changed (one stat) and switches
 * to the new page only once every asset it references exists, so the page never names
 * files that are not there. Until then, and while index.html is missing mid-build, the
 * previous page is served; its assets stay on disk (`@atrium/app/vite`'s keepPreviousBuild).
 *
 * @example
 * const index = await createServedIndex(dir, (page) => injectConfig(page, frontendConfig), logger);
 * reply.send(await index.html());
 */
export async function createServedIndex(
  dir: string,
  render: (page: string, rebuilt: boolean) => string | Promise<string>,
  logger: LoggerService,
): Promise<ServedIndex> {
  const file = join(dir, 'index.html');
  let version = versionOf(statSync(file));
  let current = await render(readFileSync(file, 'utf8'), false);
  let waitingFor: string | undefined;

  async function refresh(): Promise<void> {
    const info = await stat(file).catch(() => undefined);
    if (!info || versionOf(info) === version) return;
    const page = await readFile(file, 'utf8').catch(() => undefined);
    if (page === undefined) return;
    const missing = await missingAssets(dir, page);
    if (missing.length > 0) {
      if (waitingFor !== versionOf(info))
        logger.info(`index.html changed; serving the previous page until ${missing.join(', ')} exist`);
      waitingFor = versionOf(info);
      return;
    }
    version = versionOf(info);
    try {
      current = await render(page, true);
      logger.info(`serving the rebuilt web app from ${dir}`);
    } catch (error) {
      logger.error('the rebuilt index.html cannot be served; serving the previous page', error as Error);
    }
  }

  return {
    async html() {
      await refresh();
      return current;
    },
  };
}
