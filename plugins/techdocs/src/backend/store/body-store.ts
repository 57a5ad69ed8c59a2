import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { InputError } from '@atrium/errors';

/**
 * Where the bytes of published files live: in the database row (the default), or in a
 * local folder (`techdocs.publisher.type: local`), one folder per site.
 */
export interface BodyStore {
  /** What goes into the row's `body` column (the bytes, or null when they are kept elsewhere). */
  write(siteId: string, path: string, body: Buffer): Promise<Buffer | null>;
  read(siteId: string, path: string, column: Buffer | null): Promise<Buffer | undefined>;
  remove(siteId: string, paths: string[]): Promise<void>;
}

/** Bodies in the `techdocs_files.body` column. */
export function createDatabaseBodyStore(): BodyStore {
  return {
    write: async (_siteId, _path, body) => body,
    read: async (_siteId, _path, column) => column ?? undefined,
    remove: async () => undefined,
  };
}

/** Bodies under `directory/<site id, encoded>/<path>`; paths are the builder's, checked again here. */
export function createLocalBodyStore(directory: string): BodyStore {
  const root = resolve(directory);
  const fileOf = (siteId: string, path: string) => {
    const file = resolve(root, encodeURIComponent(siteId), path);
    if (!file.startsWith(`${root}${sep}`) || path.split('/').includes('..'))
      throw new InputError(`published file '${path}' would leave techdocs.publisher.local.publishDirectory`);
    return file;
  };
  return {
    async write(siteId, path, body) {
      const file = fileOf(siteId, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      return null;
    },
    async read(siteId, path) {
      try {
        return await readFile(fileOf(siteId, path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(siteId, paths) {
      await Promise.all(paths.map((path) => rm(fileOf(siteId, path), { force: true })));
    },
  };
}
