/** Rows of the techdocs plugin's tables (see migrations.ts). */
export interface SitesTable {
  id: string;
  entity_ref: string;
  version: string;
  status: string;
  site_name: string;
  site_description: string;
  nav: string;
  log: string;
  error: string | null;
  etag: string | null;
  build_timestamp: number | string | null;
  requested_at: number | string;
  due_at: number | string | null;
  lease_owner: string | null;
  lease_expires_at: number | string | null;
  attempts: number;
  last_error: string | null;
  finished_at: number | string | null;
}

export interface FilesTable {
  site_id: string;
  path: string;
  page_path: string | null;
  content_type: string;
  source_hash: string;
  title: string | null;
  toc: string | null;
  edit_url: string | null;
  text: string | null;
  warnings: string | null;
  body: Buffer | null;
}

export interface TechDocsTables {
  techdocs_sites: SitesTable;
  techdocs_files: FilesTable;
}
