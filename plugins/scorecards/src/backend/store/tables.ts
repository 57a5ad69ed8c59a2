/** Whether the caller may read an entity (`catalog.entity.read`); read queries keep only those rows. */
export type Readable = (entityRef: string) => boolean;

/** A definition (check, track or campaign) as stored: the body as JSON, its source beside it. */
export interface DefinitionRow {
  kind: 'check' | 'track' | 'campaign';
  id: string;
  source_type: 'config' | 'file' | 'ui';
  source_location: string | null;
  /** The definition as written (JSON). */
  body: string;
  created_at: number;
  updated_at: number;
}

/** The latest fact per entity and factRef: its data, or why it could not be collected. */
export interface FactRow {
  entity_ref: string;
  fact_ref: string;
  /** JSON; null when `error` is set. */
  data: string | null;
  error: string | null;
  timestamp: number;
}

/** The latest result per entity, check and scope. */
export interface ResultRow {
  entity_ref: string;
  check_id: string;
  scope: string;
  state: string;
  details: string;
  submitted_by: string;
  last_checked: number;
  state_since: number;
}

/** Every state transition (append-only). */
export interface HistoryRow {
  entity_ref: string;
  check_id: string;
  scope: string;
  from_state: string | null;
  to_state: string;
  submitted_by: string;
  owner_ref: string | null;
  at: number;
}

/** The precomputed certification per entity and track, with the entity's owner (overview, team grid). */
export interface CertificationRow {
  entity_ref: string;
  track_id: string;
  owner_ref: string;
  level_ordinal: number;
  /** Whole certification (levels and check states) as JSON. */
  body: string;
  certified_at: number;
}

/** An exemption per check and entity. */
export interface ExemptionRow {
  check_id: string;
  entity_ref: string;
  status: string;
  justification: string;
  user_ref: string;
  expires_at: string | null;
  approved_by: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  created_at: number;
  updated_at: number;
}

/** What is known about an entity for evaluation without asking the catalog again. */
export interface EntityRow {
  entity_ref: string;
  owner_ref: string;
  /** The filterable parts (kind, metadata, spec, relations) as JSON. */
  body: string;
  /** When its rule checks were last evaluated (the lastChecked of results that did not change). */
  evaluated_at?: number | null;
  /** Digest of the rule results of its last full evaluation (null after a partial one). */
  results_digest?: string | null;
}

/** The scorecards plugin's tables. */
export interface ScorecardsTables {
  scorecards_definitions: DefinitionRow;
  scorecards_facts: FactRow;
  scorecards_results: ResultRow;
  scorecards_history: HistoryRow;
  scorecards_certifications: CertificationRow;
  scorecards_exemptions: ExemptionRow;
  scorecards_entities: EntityRow;
}
