import { ResponseError } from '@atrium/errors';
import { createApiClient, parseSseBlocks } from '@atrium/http-api';
import { type DiscoveryApi, defineApiRef, type FetchApi } from '@atrium/web-kernel';
import { type DocumentedEntity, type Site, staticPageFile, techdocsApi } from '../../common/index.js';

/** An entity's name parts, as the routes take them. */
export interface DocsEntityName {
  namespace: string;
  kind: string;
  name: string;
}

/** What the reader asks the techdocs backend. */
export interface TechDocsApi {
  /** A site: the default version's, or the named version's (one of the site's `versions`). */
  getSite(entity: DocsEntityName, version?: string): Promise<Site>;
  listEntities(): Promise<DocumentedEntity[]>;
  /** A page's sanitised HTML (of a version, when given). */
  getPageHtml(entity: DocsEntityName, pagePath: string, version?: string): Promise<string>;
  /** An image of a site (`/api/techdocs/static/...`) as a data: URL; the request carries the user's token. */
  getImageDataUrl(src: string): Promise<string | undefined>;
  /** Builds the docs if their source changed, reporting log lines; resolves with whether the site changed. */
  sync(
    entity: DocsEntityName,
    onLog: (line: string) => void,
    version?: string,
  ): Promise<{ updated: boolean }>;
}

/** Ref of the techdocs API (`useApi(techdocsApiRef)`). */
export const techdocsApiRef = defineApiRef<TechDocsApi>({ id: 'techdocs.client' });

const STATIC_PREFIX = '/api/techdocs/static/docs/';

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function readSync(response: Response, onLog: (line: string) => void): Promise<{ updated: boolean }> {
  const text = await response.text();
  for (const message of parseSseBlocks(`${text}\n\n`).messages) {
    const data = JSON.parse(message.data) as unknown;
    if (message.event === 'log') onLog(String(data));
    if (message.event === 'error') throw new Error(String(data));
    if (message.event === 'finish') return data as { updated: boolean };
  }
  throw new Error('the build stream ended without a result');
}

/**
 * Creates the techdocs client from the API definition, through the app's discovery and
 * fetch APIs (which add the user's token).
 *
 * @example
 * const client = createTechDocsClient({ discoveryApi, fetchApi });
 * const site = await client.getSite({ namespace: 'default', kind: 'component', name: 'shop' });
 */
export function createTechDocsClient(deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }): TechDocsApi {
  const baseUrl = () => deps.discoveryApi.getBaseUrl('techdocs');
  const client = createApiClient(techdocsApi, {
    baseUrl,
    fetch: (url, init) => deps.fetchApi.fetch(url, init),
  });
  return {
    getSite: (params, version) => client.getSite({ params, query: version ? { version } : {} }),
    listEntities: async () => (await client.listDocumentedEntities()).items,
    async getPageHtml(params, pagePath, version) {
      // The typed client fills `:name` segments only; the static route's `*` is built here.
      const entity = [params.namespace, params.kind, params.name].map(encodeURIComponent).join('/');
      const file = staticPageFile(pagePath).split('/').map(encodeURIComponent).join('/');
      const query = version ? `?version=${encodeURIComponent(version)}` : '';
      const response = await deps.fetchApi.fetch(`${await baseUrl()}/static/docs/${entity}/${file}${query}`);
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return response.text();
    },
    async getImageDataUrl(src) {
      if (!src.startsWith(STATIC_PREFIX)) return undefined;
      const response = await deps.fetchApi.fetch(`${await baseUrl()}${src.slice('/api/techdocs'.length)}`);
      if (!response.ok) return undefined;
      return toDataUrl(await response.blob());
    },
    async sync(params, onLog, version) {
      const response = await client.syncEntity({ params, query: version ? { version } : {} });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return readSync(response, onLog);
    },
  };
}
