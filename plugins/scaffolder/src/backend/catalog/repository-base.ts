import { resolveLocationTarget, type UrlReaderService } from '@atrium/kernel';

/**
 * What the references of a registered or written descriptor must stay inside. The
 * decision is the kernel's target rule (`resolveLocationTarget`), applied to the file
 * they are written in; this only says which bases it knows.
 */
export interface RepositoryBase {
  /** The location type the catalog reads the file as. */
  type: 'file' | 'url';
  /** The repository or workspace, for messages. */
  label: string;
  /** Resolves `target` written in the file at `fromUrl`; throws when it leaves the base. */
  resolveTarget(fromUrl: string, target: string): string;
}

/**
 * The repository a file was published to, as the catalog will read it: the base the URL
 * reader gives the file's location (a bare repository at its ref, an http(s) repository
 * such as `/<owner>/<repo>/blob/<ref>/`, else the readable root or folder holding it).
 */
export function publishedRepository(
  urlReader: Pick<UrlReaderService, 'resolveTarget'>,
  type: 'file' | 'url',
  label: string,
): RepositoryBase {
  return { type, label, resolveTarget: (fromUrl, target) => urlReader.resolveTarget(fromUrl, target) };
}

/** The task's workspace, declared as the only root: what `catalog:write` writes will be published with it. */
export function workspaceRepository(workspacePath: string): RepositoryBase {
  return {
    type: 'file',
    label: 'the workspace',
    resolveTarget: (fromUrl, target) => resolveLocationTarget(fromUrl, target, [workspacePath]),
  };
}

/**
 * Resolves a reference written in a descriptor (a `$text`/`$json`/`$yaml` placeholder, a
 * child Location's target) relative to the file at `fromUrl`, the way the catalog does,
 * and answers it when it stays inside the repository, `undefined` when the kernel's rule
 * refuses it (another scheme, an absolute path elsewhere, `..` climbing out).
 *
 * @example
 * resolveInsideRepository(workspaceRepository('/w'), './api.yaml', 'file:///w/catalog-info.yaml'); // 'file:///w/api.yaml'
 * resolveInsideRepository(workspaceRepository('/w'), '../etc/passwd', 'file:///w/catalog-info.yaml'); // undefined
 */
export function resolveInsideRepository(
  repository: RepositoryBase,
  target: string,
  fromUrl: string,
): string | undefined {
  try {
    return repository.resolveTarget(fromUrl, target);
  } catch {
    return undefined;
  }
}
