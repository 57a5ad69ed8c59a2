/** Desired state of one installed plugin (or module). */
export interface InstalledRow {
  plugin_id: string;
  package_name: string;
  role: string;
  /** `enabled` or `disabled`. */
  state: string;
  enabled_version: string | null;
  /** The version enabled before the current one (rollback's default). */
  previous_version: string | null;
  /** The plugin's config as JSON text. */
  config: string;
  /** Bumped on every change: backends compare it to what they serve. */
  revision: number;
  updated_at_ms: number;
}

/** One installed version, with its tarball (base64) so every backend can load it. */
export interface VersionRow {
  plugin_id: string;
  version: string;
  source: string;
  integrity: string;
  installed_at_ms: number;
  /** The PluginDeclaration as JSON text. */
  declaration: string;
  tarball: string;
}

/** One lifecycle event. */
export interface HistoryRow {
  id: string;
  time_ms: number;
  plugin_id: string;
  action: string;
  version: string | null;
  actor: string | null;
  message: string;
}

/** What one backend serves for one plugin. */
export interface BackendStatusRow {
  backend_id: string;
  plugin_id: string;
  version: string | null;
  state: string;
  error: string | null;
  updated_at_ms: number;
}

/** Every backend that reconciles, with when it last did. */
export interface BackendRow {
  backend_id: string;
  last_seen_ms: number;
}

/** The plugin manager's tables. */
export interface PluginsTables {
  plugins_installed: InstalledRow;
  plugins_versions: VersionRow;
  plugins_history: HistoryRow;
  plugins_backend_status: BackendStatusRow;
  plugins_backends: BackendRow;
}
