import { InputError, NotFoundError } from '@atrium/errors';
import {
  coreServices,
  defineServiceFactory,
  type PermissionPolicy,
  type PolicyDecision,
  resolveLocationTarget,
  type ServiceFactory,
  type UrlReaderService,
} from '@atrium/kernel';
import { Minimatch } from 'minimatch';
import { type CaptureLogger, createCaptureLogger } from './capture-logger.js';

function inMemoryUrlReader(files: Readonly<Record<string, string>>): UrlReaderService {
  const read = (url: string) => {
    const text = files[url];
    if (text === undefined) throw new NotFoundError(`'${url}' is not one of the mock files`);
    return Buffer.from(text);
  };
  return {
    async readUrl(url) {
      const data = read(url);
      return { buffer: async () => data, etag: String(data.length) };
    },
    async readTree(url) {
      const prefix = url.endsWith('/') ? url : `${url}/`;
      const paths = Object.keys(files).filter((u) => u.startsWith(prefix));
      if (paths.length === 0) throw new NotFoundError(`no mock files under '${url}'`);
      return {
        etag: String(paths.length),
        files: async () => paths.map((u) => ({ path: u.slice(prefix.length), content: async () => read(u) })),
      };
    },
    // The mock files are not in a git repository.
    gitRefs: async () => undefined,
    async search(url) {
      const pattern = new Minimatch(url, { dot: true });
      if (!pattern.hasMagic()) throw new InputError(`'${url}' has no glob`);
      return {
        files: Object.keys(files)
          .filter((u) => pattern.match(u))
          .map((u) => ({ url: u, content: async () => read(u) })),
      };
    },
    // Every mock file is readable; targets are still bounded by their location's folder.
    async check(url) {
      if (!URL.canParse(url)) throw new InputError(`'${url}' is not an absolute URL`);
    },
    resolveTarget: (locationUrl, target) => resolveLocationTarget(locationUrl, target, []),
  };
}

/**
 * Service factories for tests: add one to `features` to replace the real service.
 *
 * @example
 * const logger = createCaptureLogger();
 * await startTestBackend({ features: [myPlugin, mockServices.rootLogger(logger), mockServices.permissionPolicy(() => ({ result: 'DENY' }))] });
 */
export const mockServices = {
  /** A root logger that records lines in memory. */
  rootLogger(logger: CaptureLogger = createCaptureLogger()): ServiceFactory<unknown> {
    return defineServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger,
    }) as ServiceFactory<unknown>;
  },
  /** A permission policy that decides with the given function. */
  permissionPolicy(
    decide: (...args: Parameters<PermissionPolicy['handle']>) => PolicyDecision | Promise<PolicyDecision>,
  ): ServiceFactory<unknown> {
    return defineServiceFactory({
      service: coreServices.permissionPolicy,
      deps: {},
      factory: (): PermissionPolicy => ({ handle: async (request, context) => decide(request, context) }),
    }) as ServiceFactory<unknown>;
  },
  /** A URL reader over fixed file contents keyed by URL. */
  urlReader(files: Readonly<Record<string, string>>): ServiceFactory<unknown> {
    return defineServiceFactory({
      service: coreServices.urlReader,
      deps: {},
      factory: () => inMemoryUrlReader(files),
    }) as ServiceFactory<unknown>;
  },
};
