import { parseEntityRef } from '@atrium/catalog-model';
import type { RouteHandlers } from '@atrium/kernel';
import type { DocumentedEntity, techdocsApi } from '../../common/index.js';
import type { StoredSite } from '../store/site-store.js';
import type { TechDocsContext } from '../techdocs-context.js';
import { DEFAULT_VERSION, sortVersions } from '../versions.js';
import { readableDocs, requireDocs, requireDocsPermission } from './entity-access.js';
import { siteOfVersion } from './site-version.js';

type Routes = typeof techdocsApi.routes;

// The reader searches pages in the browser; a page's first few thousand characters are enough.
const READER_TEXT_CHARS = 4000;

const ownerOf = (spec: unknown) => {
  const owner = (spec as { owner?: unknown } | undefined)?.owner;
  return typeof owner === 'string' ? owner : undefined;
};

function documented(
  site: StoredSite,
  entity: NonNullable<Awaited<ReturnType<TechDocsContext['catalog']['getEntity']>>>,
): DocumentedEntity {
  const { kind, namespace, name } = parseEntityRef(site.entityRef);
  const owner = ownerOf(entity.spec);
  return {
    entityRef: site.entityRef,
    kind,
    namespace,
    name,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description ?? '',
    ...(owner ? { owner } : {}),
    siteName: site.siteName,
    status: site.status,
    buildTimestamp: site.buildTimestamp,
  };
}

/** `GET /sites/...` (what the reader shows) and `GET /entities` (the docs index). */
export function createSiteHandlers(
  ctx: TechDocsContext,
): Pick<RouteHandlers<Routes>, 'getSite' | 'listDocumentedEntities'> {
  return {
    async getSite({ params, query, credentials }) {
      const readable = await readableDocs(ctx, params, credentials);
      const { docsRef } = readable;
      let site = await siteOfVersion(ctx, docsRef, query.version);
      if (!site) {
        requireDocs(readable);
        // First visit to docs nobody built yet: the reader shows "building" and follows it.
        await ctx.requestBuild(docsRef);
        site = await ctx.store.getSite(docsRef, DEFAULT_VERSION);
      }
      const pages = site ? await ctx.store.listPages(site.id) : [];
      return {
        entityRef: docsRef,
        siteName: site?.siteName ?? docsRef,
        siteDescription: site?.siteDescription ?? '',
        status: site?.status ?? 'pending',
        buildTimestamp: site?.buildTimestamp ?? null,
        log: site?.log ?? [],
        error: site?.error ?? null,
        nav: site?.nav ?? [],
        pages: pages.map((p) => ({
          path: p.pagePath,
          title: p.title,
          toc: p.toc,
          editUrl: p.editUrl,
          text: p.text.slice(0, READER_TEXT_CHARS),
        })),
        version: site?.version ?? DEFAULT_VERSION,
        versions: sortVersions(await ctx.store.versionsOf(docsRef)),
      };
    },
    async listDocumentedEntities({ credentials }) {
      await requireDocsPermission(ctx, credentials);
      const sites = (await ctx.store.listSites()).filter((s) => s.version === DEFAULT_VERSION);
      const entities = await ctx.catalog.getEntities(
        sites.map((s) => s.entityRef),
        credentials,
      );
      const items = sites.flatMap((site, i) => {
        const entity = entities[i];
        return entity ? [documented(site, entity)] : [];
      });
      return { items };
    },
  };
}
