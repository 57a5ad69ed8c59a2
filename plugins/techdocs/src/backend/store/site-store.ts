import type { Kysely } from 'kysely';
import type { BuildStatus, NavEntry, TocEntry } from '../../common/index.js';
import type { BodyStore } from './body-store.js';
import type { FilesTable, SitesTable, TechDocsTables } from './tables.js';

/** The id of one version of an entity's docs. */
export const siteIdOf = (entityRef: string, version: string) => `${entityRef}@${version}`;

/** One published file as the builder writes it. */
export interface PublishedFile {
  path: string;
  pagePath?: string;
  contentType: string;
  sourceHash: string;
  title?: string;
  toc?: TocEntry[];
  editUrl?: string;
  text?: string;
  warnings?: string[];
  body: Buffer;
}

/** A page's metadata, without its HTML. */
export interface StoredPage {
  path: string;
  pagePath: string;
  title: string;
  toc: TocEntry[];
  editUrl?: string;
  text: string;
}

/** A site's build state. */
export interface StoredSite {
  id: string;
  entityRef: string;
  version: string;
  status: BuildStatus;
  siteName: string;
  siteDescription: string;
  nav: NavEntry[];
  log: string[];
  error: string | null;
  etag: string | null;
  buildTimestamp: number | null;
  requestedAt: number;
  dueAt: number | null;
  finishedAt: number | null;
}

const num = (value: number | string | null) => (value === null ? null : Number(value));

function toSite(row: SitesTable): StoredSite {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    version: row.version,
    status: row.status as BuildStatus,
    siteName: row.site_name,
    siteDescription: row.site_description,
    nav: JSON.parse(row.nav) as NavEntry[],
    log: JSON.parse(row.log) as string[],
    error: row.error,
    etag: row.etag,
    buildTimestamp: num(row.build_timestamp),
    requestedAt: Number(row.requested_at),
    dueAt: num(row.due_at),
    finishedAt: num(row.finished_at),
  };
}

function toPage(
  row: Pick<FilesTable, 'path' | 'page_path' | 'title' | 'toc' | 'edit_url' | 'text'>,
): StoredPage {
  return {
    path: row.path,
    pagePath: row.page_path ?? row.path,
    title: row.title ?? row.page_path ?? row.path,
    toc: row.toc ? (JSON.parse(row.toc) as TocEntry[]) : [],
    ...(row.edit_url ? { editUrl: row.edit_url } : {}),
    text: row.text ?? '',
  };
}

/** The result of a finished build, written in one go. */
export interface BuildOutcome {
  status: BuildStatus;
  siteName?: string;
  siteDescription?: string;
  nav?: NavEntry[];
  log: string[];
  error: string | null;
  etag?: string;
}

/** A site that was never built, due now. */
function newSiteRow(entityRef: string, version: string, now: number): SitesTable {
  return {
    id: siteIdOf(entityRef, version),
    entity_ref: entityRef,
    version,
    status: 'pending',
    site_name: entityRef,
    site_description: '',
    nav: '[]',
    log: '[]',
    error: null,
    etag: null,
    build_timestamp: null,
    requested_at: now,
    due_at: now,
    lease_owner: null,
    lease_expires_at: null,
    attempts: 0,
    last_error: null,
    finished_at: null,
  };
}

/** Sites: build state and the queue's lease columns. */
function siteQueries(db: Kysely<TechDocsTables>) {
  return {
    /** Makes the site's build due now (creating the row); a build already due stays due. */
    async requestBuild(entityRef: string, version: string, now: number): Promise<void> {
      await db
        .insertInto('techdocs_sites')
        .values(newSiteRow(entityRef, version, now))
        .onConflict((oc) => oc.column('id').doUpdateSet({ due_at: now, requested_at: now }))
        .execute();
    },
    async getSite(entityRef: string, version: string): Promise<StoredSite | undefined> {
      const row = await db
        .selectFrom('techdocs_sites')
        .selectAll()
        .where('id', '=', siteIdOf(entityRef, version))
        .executeTakeFirst();
      return row ? toSite(row) : undefined;
    },
    async listSites(): Promise<StoredSite[]> {
      return (await db.selectFrom('techdocs_sites').selectAll().orderBy('id').execute()).map(toSite);
    },
    async markBuilding(siteId: string): Promise<void> {
      await db.updateTable('techdocs_sites').set({ status: 'building' }).where('id', '=', siteId).execute();
    },
    async finishBuild(siteId: string, outcome: BuildOutcome, now: number): Promise<void> {
      await db
        .updateTable('techdocs_sites')
        .set({
          status: outcome.status,
          log: JSON.stringify(outcome.log),
          error: outcome.error,
          ...(outcome.siteName !== undefined ? { site_name: outcome.siteName } : {}),
          ...(outcome.siteDescription !== undefined ? { site_description: outcome.siteDescription } : {}),
          ...(outcome.nav ? { nav: JSON.stringify(outcome.nav) } : {}),
          ...(outcome.etag ? { etag: outcome.etag, build_timestamp: now } : {}),
        })
        .where('id', '=', siteId)
        .execute();
    },
  };
}

/** The versions of one entity's docs. */
function versionQueries(db: Kysely<TechDocsTables>) {
  return {
    /** Every version's site of one entity. */
    async sitesOf(entityRef: string): Promise<StoredSite[]> {
      const rows = await db
        .selectFrom('techdocs_sites')
        .selectAll()
        .where('entity_ref', '=', entityRef)
        .execute();
      return rows.map(toSite);
    },
    /** Versions built at least once: one being rebuilt, or whose last rebuild failed, still serves its files. */
    async versionsOf(entityRef: string): Promise<string[]> {
      const rows = await db
        .selectFrom('techdocs_sites')
        .select('version')
        .where('entity_ref', '=', entityRef)
        .where('build_timestamp', 'is not', null)
        .orderBy('version')
        .execute();
      return rows.map((r) => r.version);
    },
  };
}

/** Published files: what a build writes. */
function fileWrites(db: Kysely<TechDocsTables>, bodies: BodyStore) {
  const writes = {
    /** Source hash of every published file of a site, by path. */
    async fileHashes(siteId: string): Promise<Map<string, string>> {
      const rows = await db
        .selectFrom('techdocs_files')
        .select(['path', 'source_hash'])
        .where('site_id', '=', siteId)
        .execute();
      return new Map(rows.map((r) => [r.path, r.source_hash]));
    },
    async putFile(siteId: string, file: PublishedFile): Promise<void> {
      const row = {
        page_path: file.pagePath ?? null,
        content_type: file.contentType,
        source_hash: file.sourceHash,
        title: file.title ?? null,
        toc: file.toc ? JSON.stringify(file.toc) : null,
        edit_url: file.editUrl ?? null,
        text: file.text ?? null,
        warnings: file.warnings ? JSON.stringify(file.warnings) : null,
        body: await bodies.write(siteId, file.path, file.body),
      };
      await db
        .insertInto('techdocs_files')
        .values({ site_id: siteId, path: file.path, ...row })
        .onConflict((oc) => oc.columns(['site_id', 'path']).doUpdateSet(row))
        .execute();
    },
    async deleteFiles(siteId: string, paths: string[]): Promise<void> {
      if (paths.length === 0) return;
      await bodies.remove(siteId, paths);
      for (let i = 0; i < paths.length; i += 500)
        await db
          .deleteFrom('techdocs_files')
          .where('site_id', '=', siteId)
          .where('path', 'in', paths.slice(i, i + 500))
          .execute();
    },
    /** Removes a site (a version no longer configured) with its files. */
    async removeSite(siteId: string): Promise<void> {
      await writes.deleteFiles(siteId, [...(await writes.fileHashes(siteId)).keys()]);
      await db.deleteFrom('techdocs_sites').where('id', '=', siteId).execute();
    },
    /** Warnings the stored pages reported when they were rendered (kept for unchanged pages). */
    async pageWarnings(siteId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('techdocs_files')
        .select('warnings')
        .where('site_id', '=', siteId)
        .where('warnings', 'is not', null)
        .orderBy('path')
        .execute();
      return rows.flatMap((r) => JSON.parse(r.warnings ?? '[]') as string[]);
    },
  };
  return writes;
}

/** Published files: what routes read. */
function fileReads(db: Kysely<TechDocsTables>, bodies: BodyStore) {
  return {
    async readFile(siteId: string, path: string): Promise<{ contentType: string; body: Buffer } | undefined> {
      const row = await db
        .selectFrom('techdocs_files')
        .select(['content_type', 'body'])
        .where('site_id', '=', siteId)
        .where('path', '=', path)
        .executeTakeFirst();
      if (!row) return undefined;
      const body = await bodies.read(siteId, path, row.body);
      return body ? { contentType: row.content_type, body: Buffer.from(body) } : undefined;
    },
    async listPages(siteId: string): Promise<StoredPage[]> {
      const rows = await db
        .selectFrom('techdocs_files')
        .select(['path', 'page_path', 'title', 'toc', 'edit_url', 'text'])
        .where('site_id', '=', siteId)
        .where('page_path', 'is not', null)
        .orderBy('path')
        .execute();
      return rows.map(toPage);
    },
    /** Pages of every site, in (site, path) order after a cursor: what the search collator pages through. */
    async pagesAfter(after: { siteId: string; path: string } | undefined, limit: number, entityRef?: string) {
      let query = db
        .selectFrom('techdocs_files')
        .innerJoin('techdocs_sites', 'techdocs_sites.id', 'techdocs_files.site_id')
        .select(['site_id', 'entity_ref', 'path', 'page_path', 'title', 'toc', 'edit_url', 'text'])
        .where('page_path', 'is not', null)
        .where('techdocs_sites.version', '=', 'latest');
      if (entityRef !== undefined) query = query.where('entity_ref', '=', entityRef);
      if (after)
        query = query.where((eb) =>
          eb.or([
            eb('site_id', '>', after.siteId),
            eb.and([eb('site_id', '=', after.siteId), eb('path', '>', after.path)]),
          ]),
        );
      const rows = await query.orderBy('site_id').orderBy('path').limit(limit).execute();
      return rows.map((row) => ({ siteId: row.site_id, entityRef: row.entity_ref, ...toPage(row) }));
    },
  };
}

/**
 * The techdocs tables: sites (build state, queue lease columns) and their published files.
 *
 * @example
 * const store = createSiteStore(db, createDatabaseBodyStore());
 * await store.requestBuild('component:default/shop', 'latest', Date.now());
 */
export function createSiteStore(db: Kysely<TechDocsTables>, bodies: BodyStore) {
  return { ...siteQueries(db), ...versionQueries(db), ...fileWrites(db, bodies), ...fileReads(db, bodies) };
}

/** The techdocs store. */
export type SiteStore = ReturnType<typeof createSiteStore>;
